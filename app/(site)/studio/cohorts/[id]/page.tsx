import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { dayFormat } from "@/app/_components/cohorts/formats";
import { FunnelTable } from "@/app/_components/cohorts/funnel-table";
import { QuizStatsTable } from "@/app/_components/cohorts/quiz-stats-table";
import { RosterTable } from "@/app/_components/cohorts/roster-table";
import { getCurrentUser } from "@/lib/auth/guards";
import { findTaughtCohort, isOpen } from "@/lib/cohorts/cohort-forms";
import { cohortInsights, courseItems } from "@/lib/cohorts/insights";

import "../cohort.css";

export const metadata: Metadata = { title: "Cohort" };

/**
 * One cohort for its instructor: how to invite learners, each learner's progress, exercise
 * funnels and quiz item statistics, and the gradebook to download.
 */
export default async function CohortPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/studio/cohorts/${id}`)}`);
  const db = getDatabase().db;
  const cohort = await findTaughtCohort(db, user, id);
  if (!cohort) notFound();

  const items = await courseItems(cohort.courseId);
  if (!items) notFound();
  const insights = await cohortInsights(db, cohort, items);
  const courseTitle = items.course.title;
  const invite = `/join/${cohort.inviteToken}`;
  const now = new Date();

  return (
    <div className="page">
      <h1>{cohort.name}</h1>
      <p className="lead">
        {courseTitle} ·{" "}
        {cohort.closesAt
          ? `${isOpen(cohort, now) ? "open until" : "closed on"} ${dayFormat.format(cohort.closesAt)}`
          : "open to new members"}
      </p>
      <section aria-labelledby="cohort-invite">
        <h2 id="cohort-invite">Invite learners</h2>
        <p>
          Share the link, or have learners enter the code at <code>/join</code>. Before joining,
          each learner agrees that you will see their progress in this course.
        </p>
        <dl className="invite">
          <dt>Invite link</dt>
          <dd>
            {/* A link on this site: copy it with the browser's "Copy link". */}
            <Link href={invite} data-testid="invite-link" prefetch={false}>
              {invite}
            </Link>
          </dd>
          <dt>Join code</dt>
          <dd>
            <code data-testid="join-code">{cohort.joinCode}</code>
          </dd>
        </dl>
      </section>
      <section aria-labelledby="cohort-roster">
        <h2 id="cohort-roster">Roster</h2>
        <RosterTable
          cohortId={cohort.id}
          roster={insights.roster}
          courseTitle={courseTitle}
          lessonCount={items.course.lessons.length}
        />
        {insights.roster.length > 0 ? (
          <p>
            <a href={`/studio/cohorts/${cohort.id}/gradebook`} download>
              Download the gradebook (CSV)
            </a>{" "}
            <span className="meta">
              one row per learner: lessons, every exercise and the latest score of every quiz
            </span>
          </p>
        ) : null}
      </section>
      {insights.roster.length > 0 ? (
        <>
          <section aria-labelledby="cohort-exercises">
            <h2 id="cohort-exercises">Exercises</h2>
            <FunnelTable cohortId={cohort.id} funnels={insights.funnels} />
          </section>
          <section aria-labelledby="cohort-quizzes">
            <h2 id="cohort-quizzes">Quizzes</h2>
            {insights.quizzes.filter((q) => q.takers > 0).length === 0 ? (
              <p>No one in the cohort has taken a quiz yet.</p>
            ) : (
              insights.quizzes
                .filter((q) => q.takers > 0)
                .map((q) => <QuizStatsTable key={q.quizId} insight={q} />)
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
