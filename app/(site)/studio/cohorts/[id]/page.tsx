import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { cohortRoster, findCohort } from "@/db/queries/cohorts";
import { getCurrentUser } from "@/lib/auth/guards";
import { isOpen, teachesCohort } from "@/lib/cohorts/cohort-forms";
import { fileCourseRepository } from "@/lib/notebook/file-repository";

export const metadata: Metadata = { title: "Cohort" };

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const momentFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** One cohort for its instructor: how to invite learners, and each learner's progress. */
export default async function CohortPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/studio/cohorts/${id}`)}`);
  const db = getDatabase().db;
  const cohort = id.length <= 100 ? await findCohort(db, id) : undefined;
  // Another instructor's cohort is as absent as a missing one.
  if (!cohort || !teachesCohort(user, cohort)) notFound();

  const [course, roster] = await Promise.all([
    fileCourseRepository.getCourse(cohort.courseId),
    cohortRoster(db, cohort),
  ]);
  const invite = `/join/${cohort.inviteToken}`;
  const lessonCount = course?.lessons.length ?? 0;
  const now = new Date();

  return (
    <div className="page">
      <h1>{cohort.name}</h1>
      <p className="lead">
        {course?.title ?? cohort.courseId} ·{" "}
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
        {roster.length === 0 ? (
          <p>
            No one has joined yet. When learners open the invite link (or enter the code) and agree
            to share their progress, they appear here.
          </p>
        ) : (
          <table className="data-table">
            <caption>
              {roster.length} learner{roster.length === 1 ? "" : "s"}, progress in{" "}
              {course?.title ?? cohort.courseId}
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
                    {r.name} <span className="meta">{r.email}</span>
                  </th>
                  <td>
                    {r.lessonsCompleted} of {lessonCount}
                  </td>
                  <td>{r.exercisesSolved}</td>
                  <td>{r.exerciseAttempts}</td>
                  <td>
                    {r.quizMean === null
                      ? "no quiz yet"
                      : `${Math.round(r.quizMean * 100)}% over ${r.quizzesTaken}`}
                  </td>
                  <td>{r.lastActiveAt ? momentFormat.format(r.lastActiveAt) : "not yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
