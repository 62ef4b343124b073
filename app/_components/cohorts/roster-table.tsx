import Link from "next/link";

import type { RosterEntry } from "@/db/queries/cohorts";

import { momentFormat, percent } from "./formats";

/** Each member's progress in the cohort's course; a name opens that learner's submissions. */
export function RosterTable({
  cohortId,
  roster,
  courseTitle,
  lessonCount,
}: {
  cohortId: string;
  roster: readonly RosterEntry[];
  courseTitle: string;
  lessonCount: number;
}) {
  if (roster.length === 0) {
    return (
      <p>
        No one has joined yet. When learners open the invite link (or enter the code) and agree to
        share their progress, they appear here.
      </p>
    );
  }
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Roster">
      <table className="data-table">
        <caption>
          {roster.length} learner{roster.length === 1 ? "" : "s"}, progress in {courseTitle}
        </caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Lessons completed</th>
            <th scope="col">Exercises solved</th>
            <th scope="col">Submissions</th>
            <th scope="col">Quiz mean</th>
            <th scope="col">Last active</th>
          </tr>
        </thead>
        <tbody>
          {roster.map((r) => (
            <tr key={r.userId}>
              <th scope="row">
                <Link href={`/studio/cohorts/${cohortId}/learners/${r.userId}`} prefetch={false}>
                  {r.name}
                </Link>{" "}
                <span className="meta">{r.email}</span>
              </th>
              <td>
                {r.lessonsCompleted} of {lessonCount}
              </td>
              <td>{r.exercisesSolved}</td>
              <td>{r.exerciseAttempts}</td>
              <td>
                {r.quizMean === null
                  ? "no quiz yet"
                  : `${percent(r.quizMean)} over ${r.quizzesTaken}`}
              </td>
              <td>{r.lastActiveAt ? momentFormat.format(r.lastActiveAt) : "not yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
