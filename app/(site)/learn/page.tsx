import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { courseRepository } from "@/lib/courses/repository";
import { loadCompletedLessons } from "@/lib/progress/load-progress";

import { formatMinutes, plural } from "../../_components/format";
import { CourseCount } from "../../_components/progress/course-count";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage() {
  // Published studio courses are read from the database, at request time only: never while
  // prerendering at build time, when a running server may hold the database.
  await connection();
  const courses = await courseRepository.listCourses();
  const user = await getCurrentUser();
  const completed = user ? await loadCompletedLessons(getDatabase().db, user.id) : null;
  return (
    <div className="page">
      <h1>Library</h1>
      <p className="lead">
        Courses are sequences of notebook lessons. Pick one and start at the top.
      </p>
      <ul className="course-grid">
        {courses.map((course) => {
          const minutes = course.lessons.reduce((sum, l) => sum + l.minutes, 0);
          return (
            <li key={course.id} className="course-card">
              <h2>
                <Link href={`/learn/${course.id}`}>{course.title}</Link>
              </h2>
              <p>{course.summary}</p>
              <p className="meta">
                <span className="badge">{course.level}</span>{" "}
                {plural(course.lessons.length, "lesson")} · {formatMinutes(minutes)}
              </p>
              <CourseCount
                courseId={course.id}
                lessonIds={course.lessons.map((l) => l.id)}
                completed={completed}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
