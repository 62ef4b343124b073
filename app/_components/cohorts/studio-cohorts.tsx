import Link from "next/link";

import { createCohortAction } from "@/app/(site)/studio/cohorts/actions";
import type { CohortSummary } from "@/db/queries/cohorts";

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The studio's cohorts: the instructor's list (every cohort for admins), and a form to start one. */
export function StudioCohorts({
  cohorts,
  courses,
  problem,
}: {
  cohorts: readonly CohortSummary[];
  courses: readonly { id: string; title: string }[];
  problem?: string;
}) {
  const titleOf = new Map(courses.map((c) => [c.id, c.title]));
  return (
    <section aria-labelledby="studio-cohorts">
      <h2 id="studio-cohorts">Cohorts</h2>
      {cohorts.length === 0 ? (
        <p>
          No cohorts yet. Start one below, then share its invite link or join code with your
          learners: once they join, their progress appears on the cohort&apos;s roster.
        </p>
      ) : (
        <table className="data-table">
          <caption>Your cohorts</caption>
          <thead>
            <tr>
              <th scope="col">Cohort</th>
              <th scope="col">Course</th>
              <th scope="col">Learners</th>
              <th scope="col">Join code</th>
              <th scope="col">Closes</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/studio/cohorts/${c.id}`}>{c.name}</Link>
                </th>
                <td>{titleOf.get(c.courseId) ?? c.courseId}</td>
                <td>{c.members}</td>
                <td>
                  <code>{c.joinCode}</code>
                </td>
                <td>{c.closesAt ? dayFormat.format(c.closesAt) : "open"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      <form action={createCohortAction} className="stacked-form" aria-label="Start a cohort">
        <h3>Start a cohort</h3>
        <label htmlFor="cohort-name">Name</label>
        <input id="cohort-name" name="name" required maxLength={100} placeholder="Spring 2027" />
        <label htmlFor="cohort-course">Course</label>
        <select id="cohort-course" name="courseId" required>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <label htmlFor="cohort-closes">
          Closes to new members after <span className="meta">(optional, UTC)</span>
        </label>
        <input id="cohort-closes" name="closesOn" type="date" />
        <button type="submit" className="button button--primary">
          Start cohort
        </button>
      </form>
    </section>
  );
}
