import Link from "next/link";

import { leaveCohortAction } from "@/app/(site)/join/actions";

/** The learner's cohorts on /me: who sees their progress, and a way to leave. */
export function MyCohorts({
  cohorts,
  courseTitles,
  justLeft = false,
}: {
  cohorts: readonly { id: string; name: string; courseId: string; instructor: string }[];
  courseTitles: ReadonlyMap<string, string>;
  justLeft?: boolean;
}) {
  return (
    <section aria-labelledby="cohorts">
      <h2 id="cohorts">Cohorts</h2>
      {justLeft && (
        <p className="notice notice--ok" role="status">
          You left the cohort: its instructors no longer see your progress.
        </p>
      )}
      {cohorts.length === 0 ? (
        <p>
          You are in no cohort. If an instructor gave you a code, enter it at{" "}
          <Link href="/join">Join a cohort</Link>.
        </p>
      ) : (
        <ul className="cohort-list">
          {cohorts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>: {courseTitles.get(c.courseId) ?? c.courseId}, run by{" "}
              {c.instructor}, who sees your progress in this course.{" "}
              <form action={leaveCohortAction} className="inline-form">
                <input type="hidden" name="cohortId" value={c.id} />
                <button type="submit" className="button button--small">
                  Leave<span className="visually-hidden"> {c.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
