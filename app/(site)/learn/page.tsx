import type { Metadata } from "next";
import Link from "next/link";

import { fileCourseRepository } from "@/lib/notebook/file-repository";

import { formatMinutes, plural } from "../../_components/format";

export const metadata: Metadata = { title: "Library" };

export default async function LibraryPage() {
  const courses = await fileCourseRepository.listCourses();
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
            </li>
          );
        })}
      </ul>
    </div>
  );
}
