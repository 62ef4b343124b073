import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDatabase } from "@/db/client";
import { findCohortByInvite, isCohortMember } from "@/db/queries/cohorts";
import { findUserById } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/guards";
import { isOpen } from "@/lib/cohorts/cohort-forms";
import { courseRepository } from "@/lib/courses/repository";

import { CONSENT_TEXT, cohortProblemMessage } from "../../../_components/cohorts/cohort-messages";
import { joinCohortAction, leaveCohortAction } from "../actions";

export const metadata: Metadata = { title: "Join a cohort" };

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * An invite link: who runs the cohort, for which course, and what joining shares. Joining needs
 * an account and an explicit tick of the consent box.
 */
export default async function JoinCohortPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ problem?: string | string[]; joined?: string | string[] }>;
}) {
  const { token } = await params;
  const db = getDatabase().db;
  const cohort = token.length <= 100 ? await findCohortByInvite(db, token) : undefined;
  if (!cohort) notFound();
  const [user, course, owner, query] = await Promise.all([
    getCurrentUser(),
    courseRepository.getCourse(cohort.courseId),
    findUserById(db, cohort.ownerId),
    searchParams,
  ]);
  const member = user ? await isCohortMember(db, cohort.id, user.id) : false;
  const problem = cohortProblemMessage(query.problem);
  const open = isOpen(cohort, new Date());
  const here = `/join/${token}`;
  const courseTitle = course?.title ?? cohort.courseId;

  return (
    <div className="page">
      <h1>{cohort.name}</h1>
      <p className="lead">
        A cohort of <strong>{courseTitle}</strong>, run by {owner?.name ?? "an instructor"}
        {cohort.closesAt ? `, open to new members until ${dayFormat.format(cohort.closesAt)}` : ""}.
      </p>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      {member ? (
        <>
          <p className="notice notice--ok" role="status">
            {query.joined ? "You joined this cohort." : "You are in this cohort."} Its instructors
            see your progress in {courseTitle}.
          </p>
          <p>
            <Link className="button button--primary" href={`/learn/${cohort.courseId}`}>
              Go to the course
            </Link>
          </p>
          <form action={leaveCohortAction}>
            <input type="hidden" name="cohortId" value={cohort.id} />
            <button type="submit" className="button">
              Leave this cohort
            </button>
          </form>
        </>
      ) : !open ? (
        <p>This cohort has closed to new members. Ask your instructor for another.</p>
      ) : !user ? (
        <p>
          <Link
            className="button button--primary"
            href={`/signup?callbackUrl=${encodeURIComponent(here)}`}
          >
            Sign up to join
          </Link>{" "}
          or <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>sign in</Link> if you
          have an account.
        </p>
      ) : (
        <form action={joinCohortAction} className="stacked-form">
          <input type="hidden" name="token" value={token} />
          <p>{CONSENT_TEXT}</p>
          <label>
            <input type="checkbox" name="consent" required /> I agree that the instructors of{" "}
            {cohort.name} see my progress in {courseTitle}.
          </label>
          <button type="submit" className="button button--primary">
            Join cohort
          </button>
        </form>
      )}
    </div>
  );
}
