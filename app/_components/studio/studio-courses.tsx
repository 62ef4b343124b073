import Link from "next/link";

import type { StudioCourseRow } from "@/db/schema";

import { NewCourseForm } from "./new-course-form";

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The courses an instructor writes (every studio course for admins), and a form to start one. */
export function StudioCourses({ courses }: { courses: readonly StudioCourseRow[] }) {
  return (
    <section aria-labelledby="studio-courses">
      <h2 id="studio-courses">Your courses</h2>
      {courses.length === 0 ? (
        <p>
          You have not written a course yet. Start one below: it begins with a lesson you can edit,
          preview and publish.
        </p>
      ) : (
        <table className="data-table">
          <caption>Courses you write</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Published</th>
              <th scope="col">Last edited</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/studio/courses/${c.id}`}>{c.title}</Link>
                </th>
                <td>{c.publishedVersion === null ? "not yet" : `version ${c.publishedVersion}`}</td>
                <td>{dayFormat.format(c.draftUpdatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>Start a course</summary>
        <NewCourseForm />
      </details>
    </section>
  );
}
