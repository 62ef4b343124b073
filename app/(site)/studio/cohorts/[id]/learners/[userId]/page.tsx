import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { momentFormat } from "@/app/_components/cohorts/formats";
import { getDatabase } from "@/db/client";
import { isCohortMember } from "@/db/queries/cohorts";
import { findUserById } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/guards";
import { findTaughtCohort } from "@/lib/cohorts/cohort-forms";
import { courseItems, submissionsOf, SUBMISSIONS_SHOWN } from "@/lib/cohorts/insights";

import "../../../cohort.css";

export const metadata: Metadata = { title: "Learner's submissions" };

/**
 * One cohort member's exercise submissions, newest first, for the cohort's instructor: the code
 * as sent, whether it passed, and the feedback the learner was given.
 */
export default async function LearnerSubmissionsPage({
  params,
}: {
  params: Promise<{ id: string; userId: string }>;
}) {
  const { id, userId } = await params;
  const user = await getCurrentUser();
  const here = `/studio/cohorts/${id}/learners/${userId}`;
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const db = getDatabase().db;
  const cohort = await findTaughtCohort(db, user, id);
  // Someone outside the cohort (or who left it) is as unknown here as a missing id.
  if (!cohort || userId.length > 100 || !(await isCohortMember(db, cohort.id, userId))) notFound();
  const [learner, items, submissions] = await Promise.all([
    findUserById(db, userId),
    courseItems(cohort.courseId),
    submissionsOf(db, cohort, userId),
  ]);
  if (!learner || !items) notFound();
  const titleOf = new Map(items.exercises.map((e) => [e.cellId, e.title]));

  return (
    <div className="page">
      <p>
        <Link href={`/studio/cohorts/${cohort.id}`}>← {cohort.name}</Link>
      </p>
      <h1>{learner.name}</h1>
      <p className="lead">
        {learner.email} · exercise submissions in {items.course.title}
        {submissions.length === SUBMISSIONS_SHOWN ? `, the newest ${SUBMISSIONS_SHOWN}` : ""}
      </p>
      {submissions.length === 0 ? (
        <p>No submissions yet.</p>
      ) : (
        <ol className="submissions">
          {submissions.map((s) => (
            <li key={s.id} className="submission">
              <h2>
                {titleOf.get(s.cellId) ?? s.cellId}{" "}
                <span className={s.passed ? "verdict verdict-pass" : "verdict verdict-fail"}>
                  {s.passed ? "passed" : "not yet"}
                </span>
              </h2>
              <p className="meta">
                <time dateTime={s.createdAt.toISOString()}>{momentFormat.format(s.createdAt)}</time>
              </p>
              <p>{s.feedback.message}</p>
              {s.feedback.failedConstraints.length > 0 ? (
                <ul>
                  {s.feedback.failedConstraints.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
              <pre
                className="submission-code"
                role="region"
                tabIndex={0}
                aria-label="Submitted code"
              >
                <code>{s.source}</code>
              </pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
