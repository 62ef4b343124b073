import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { exerciseStats, lessonStats } from "@/db/queries/analytics";
import { listCohorts } from "@/db/queries/cohorts";
import { listStudioCourses } from "@/db/queries/studio-courses";
import { getCurrentUser } from "@/lib/auth/guards";
import { exerciseTitles } from "@/lib/grading/exercise-titles";
import { courseRepository } from "@/lib/courses/repository";

import { cohortProblemMessage } from "../../_components/cohorts/cohort-messages";
import { StudioCohorts } from "../../_components/cohorts/studio-cohorts";
import { StudioCourses } from "../../_components/studio/studio-courses";

export const metadata: Metadata = { title: "Studio" };

/**
 * Instructors' home: their cohorts (every cohort for admins), and how each course is going:
 * reach and completion per lesson, success per exercise.
 */
export default async function StudioPage({
  searchParams,
}: {
  searchParams: Promise<{ cohortProblem?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/studio");
  // Learners get a 404, not a hint that the page exists.
  if (user.role !== "instructor" && user.role !== "admin") notFound();

  const db = getDatabase().db;
  const [courses, lessons, exercises, titles, cohorts, studioCourses] = await Promise.all([
    courseRepository.listCourses(),
    lessonStats(db),
    exerciseStats(db),
    exerciseTitles(),
    listCohorts(db, user.role === "admin" ? null : user.id),
    listStudioCourses(db, user.id, user.role === "admin"),
  ]);
  const problem = cohortProblemMessage((await searchParams).cohortProblem);
  return (
    <div className="page">
      <h1>Studio</h1>
      <p className="lead">
        Write courses, run cohorts of learners, and see how learners are doing, lesson by lesson and
        exercise by exercise.
      </p>
      <StudioCourses courses={studioCourses} />
      <StudioCohorts cohorts={cohorts} courses={courses} problem={problem} />
      {courses.map((course) => (
        <section key={course.id} aria-labelledby={`studio-${course.id}`}>
          <h2 id={`studio-${course.id}`}>{course.title}</h2>
          <table className="data-table">
            <caption>Lessons</caption>
            <thead>
              <tr>
                <th scope="col">Lesson</th>
                <th scope="col">Learners</th>
                <th scope="col">Completed</th>
              </tr>
            </thead>
            <tbody>
              {course.lessons.map((lesson) => {
                const stats = lessons.find(
                  (s) => s.courseId === course.id && s.lessonId === lesson.id,
                );
                return (
                  <tr key={lesson.id}>
                    <th scope="row">
                      {lesson.position}. {lesson.title}
                    </th>
                    <td>{stats?.learners ?? 0}</td>
                    <td>{stats?.completed ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <table className="data-table">
            <caption>Exercises</caption>
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Learners</th>
                <th scope="col">Attempts</th>
                <th scope="col">Solved by</th>
              </tr>
            </thead>
            <tbody>
              {exercises
                .filter((e) => e.courseId === course.id)
                .map((e) => (
                  <tr key={e.cellId}>
                    <th scope="row">
                      {titles.get(`${e.courseId}/${e.cellId}`)?.title ?? e.cellId}
                    </th>
                    <td>{e.learners}</td>
                    <td>{e.attempts}</td>
                    <td>{e.solvers}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
