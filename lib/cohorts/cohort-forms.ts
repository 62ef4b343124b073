import "server-only";

import { z } from "zod";

import type { Database } from "@/db/client";
import {
  createCohort,
  findCohort,
  findCohortByCode,
  findCohortByInvite,
  joinCohort,
  leaveCohort,
} from "@/db/queries/cohorts";
import { findStudioCourse, teachesStudioCourse } from "@/db/queries/studio-courses";
import type { PublicUser } from "@/db/queries/users";
import type { CohortRow } from "@/db/schema";
import { ForbiddenError } from "@/lib/auth/guards";

/** Whether `user` runs this cohort: its owner (an instructor or admin), or any admin. */
export function teachesCohort(user: PublicUser, cohort: CohortRow): boolean {
  if (user.role === "admin") return true;
  return user.role === "instructor" && cohort.ownerId === user.id;
}

/**
 * The cohort `id` when `user` teaches it. A missing cohort and another instructor's are alike
 * undefined, so pages answer both with the same 404 and reveal nothing.
 */
export async function findTaughtCohort(
  db: Database,
  user: PublicUser,
  id: string,
): Promise<CohortRow | undefined> {
  const cohort = id.length <= 100 ? await findCohort(db, id) : undefined;
  if (!cohort) return undefined;
  if (teachesCohort(user, cohort)) return cohort;
  // A studio course's co-instructors see the learners of every cohort on it.
  if (user.role !== "instructor") return undefined;
  const course = await findStudioCourse(db, cohort.courseId);
  return course && (await teachesStudioCourse(db, course, user.id)) ? cohort : undefined;
}

export function isOpen(cohort: CohortRow, now: Date): boolean {
  return cohort.closesAt === null || cohort.closesAt.getTime() > now.getTime();
}

const newCohortSchema = z.object({
  name: z.string().trim().min(1).max(100),
  courseId: z.string().min(1).max(200),
  closesOn: z.union([z.literal(""), z.iso.date()]),
});

export type CreateCohortOutcome =
  | { readonly ok: true; readonly cohort: CohortRow }
  | { readonly ok: false; readonly problem: "invalid" | "unknown-course" | "closes-in-past" };

/**
 * An instructor or admin starts a cohort for a course Ketbook offers. A close date (a day, in
 * UTC) ends joining at the end of that day.
 */
export async function createCohortForm(
  db: Database,
  actor: PublicUser,
  form: { name: unknown; courseId: unknown; closesOn: unknown },
  courseIds: ReadonlySet<string>,
  now: Date,
): Promise<CreateCohortOutcome> {
  if (actor.role !== "instructor" && actor.role !== "admin")
    throw new ForbiddenError("This needs the instructor or admin role.");
  const parsed = newCohortSchema.safeParse(form);
  if (!parsed.success) return { ok: false, problem: "invalid" };
  const { name, courseId, closesOn } = parsed.data;
  if (!courseIds.has(courseId)) return { ok: false, problem: "unknown-course" };
  const closesAt = closesOn ? new Date(`${closesOn}T23:59:59.999Z`) : null;
  if (closesAt && closesAt.getTime() <= now.getTime())
    return { ok: false, problem: "closes-in-past" };
  return {
    ok: true,
    cohort: await createCohort(db, { name, courseId, ownerId: actor.id, closesAt }),
  };
}

export type JoinOutcome =
  | { readonly ok: true; readonly cohort: CohortRow }
  | { readonly ok: false; readonly problem: "not-found" | "closed" | "consent-required" };

/** A learner joins by the invite link's token, having ticked the consent box. */
export async function joinCohortForm(
  db: Database,
  user: PublicUser,
  form: { token: unknown; consent: unknown },
  now: Date,
): Promise<JoinOutcome> {
  const cohort =
    typeof form.token === "string" && form.token.length <= 100
      ? await findCohortByInvite(db, form.token)
      : undefined;
  if (!cohort) return { ok: false, problem: "not-found" };
  if (!isOpen(cohort, now)) return { ok: false, problem: "closed" };
  if (form.consent !== "on") return { ok: false, problem: "consent-required" };
  await joinCohort(db, cohort.id, user.id);
  return { ok: true, cohort };
}

/** The invite token behind a typed join code, or undefined for a code that matches nothing. */
export async function inviteForCode(db: Database, typed: unknown): Promise<string | undefined> {
  if (typeof typed !== "string" || typed.length > 40) return undefined;
  return (await findCohortByCode(db, typed))?.inviteToken;
}

/** A learner leaves; their own progress stays theirs, only the instructors' view of it ends. */
export async function leaveCohortForm(
  db: Database,
  user: PublicUser,
  form: { cohortId: unknown },
): Promise<boolean> {
  if (typeof form.cohortId !== "string" || form.cohortId.length > 100) return false;
  const cohort = await findCohort(db, form.cohortId);
  return cohort ? leaveCohort(db, cohort.id, user.id) : false;
}
