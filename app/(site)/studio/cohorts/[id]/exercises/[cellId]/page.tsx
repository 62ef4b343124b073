import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { findTaughtCohort } from "@/lib/cohorts/cohort-forms";
import { courseItems, WRONG_SUBMISSIONS_GROUPED, wrongSubmissionsTo } from "@/lib/cohorts/insights";
import { clusterMisconceptions } from "@/lib/cohorts/misconceptions";

import "../../../cohort.css";

export const metadata: Metadata = { title: "Wrong answers, grouped" };

/**
 * An exercise's wrong submissions in a cohort, grouped by what they produce (see
 * lib/cohorts/misconceptions.ts), largest group first, each with one representative submission.
 */
export default async function MisconceptionsPage({
  params,
}: {
  params: Promise<{ id: string; cellId: string }>;
}) {
  const { id, cellId } = await params;
  const user = await getCurrentUser();
  const here = `/studio/cohorts/${id}/exercises/${cellId}`;
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const db = getDatabase().db;
  const cohort = await findTaughtCohort(db, user, id);
  if (!cohort) notFound();
  const items = await courseItems(cohort.courseId);
  const exercise = items?.exercises.find((e) => e.cellId === cellId);
  if (!exercise) notFound();
  const wrong = await wrongSubmissionsTo(db, cohort, cellId);
  const clusters = clusterMisconceptions(wrong);

  return (
    <div className="page">
      <p>
        <Link href={`/studio/cohorts/${cohort.id}`}>← {cohort.name}</Link>
      </p>
      <h1>{exercise.title}: wrong answers, grouped</h1>
      <p className="lead">
        {wrong.length} wrong submission{wrong.length === 1 ? "" : "s"}
        {wrong.length === WRONG_SUBMISSIONS_GROUPED ? " (the newest)" : ""}, grouped by the state,
        distribution or error they produce: submissions whose outputs have a fidelity of at least
        0.99 share a group, however their code is written.
      </p>
      {clusters.length === 0 ? (
        <p>No wrong submissions to this exercise in the cohort.</p>
      ) : (
        <ol className="submissions">
          {clusters.map((c) => (
            <li key={c.representative.id} className="submission">
              <h2>
                {c.count} submission{c.count === 1 ? "" : "s"} from {c.learners} learner
                {c.learners === 1 ? "" : "s"}: {c.description}
              </h2>
              <p>{c.representative.feedback.message}</p>
              <pre
                className="submission-code"
                role="region"
                tabIndex={0}
                aria-label="A representative submission"
              >
                <code>{c.representative.source}</code>
              </pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
