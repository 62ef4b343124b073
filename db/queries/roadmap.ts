import "server-only";

import { and, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { learnerProfiles, lessonProgress, skillEvidence, users } from "../schema";

export interface LearnerProfile {
  readonly targetRoleId: string | null;
  readonly handle: string | null;
  readonly isPublic: boolean;
  readonly shownSkills: readonly string[];
}

/** What a learner without a profile row has: no target role, nothing public. */
export const DEFAULT_PROFILE: LearnerProfile = {
  targetRoleId: null,
  handle: null,
  isPublic: false,
  shownSkills: [],
};

/** Another learner already uses the handle (the unique index said so). */
export class HandleTakenError extends Error {
  constructor(readonly handle: string) {
    super(`the handle "${handle}" is taken`);
    this.name = "HandleTakenError";
  }
}

export async function getProfile(db: Database, userId: string): Promise<LearnerProfile> {
  const [row] = await db
    .select({
      targetRoleId: learnerProfiles.targetRoleId,
      handle: learnerProfiles.handle,
      isPublic: learnerProfiles.isPublic,
      shownSkills: learnerProfiles.shownSkills,
    })
    .from(learnerProfiles)
    .where(eq(learnerProfiles.userId, userId));
  return row ?? DEFAULT_PROFILE;
}

/** Sets (or clears, with null) the learner's target role. The caller checks the role exists. */
export async function setTargetRole(
  db: Database,
  userId: string,
  targetRoleId: string | null,
): Promise<void> {
  await db
    .insert(learnerProfiles)
    .values({ userId, targetRoleId })
    .onConflictDoUpdate({
      target: learnerProfiles.userId,
      set: { targetRoleId, updatedAt: sql`now()` },
    });
}

/**
 * Saves the public profile settings. A handle is stored lower-cased; a handle another learner
 * holds throws HandleTakenError (decided by the unique index, so two simultaneous claims cannot
 * both win).
 */
export async function saveProfileSettings(
  db: Database,
  userId: string,
  settings: { handle: string | null; isPublic: boolean; shownSkills: readonly string[] },
): Promise<void> {
  const handle = settings.handle?.toLowerCase() ?? null;
  const values = { handle, isPublic: settings.isPublic, shownSkills: [...settings.shownSkills] };
  try {
    await db
      .insert(learnerProfiles)
      .values({ userId, ...values })
      .onConflictDoUpdate({
        target: learnerProfiles.userId,
        set: { ...values, updatedAt: sql`now()` },
      });
  } catch (error) {
    if (handle && isUniqueViolation(error)) throw new HandleTakenError(handle);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  // postgres.js puts the SQLSTATE on the error, PGlite too; drizzle may wrap it as `cause`.
  for (
    let e = error as { code?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === "23505") return true;
  }
  return false;
}

export interface PublicProfile {
  readonly userId: string;
  readonly name: string;
  readonly handle: string;
  readonly shownSkills: readonly string[];
}

/** The profile behind /u/<handle>, only while its owner keeps it public. */
export async function findPublicProfile(
  db: Database,
  handle: string,
): Promise<PublicProfile | undefined> {
  const [row] = await db
    .select({
      userId: learnerProfiles.userId,
      name: users.name,
      handle: learnerProfiles.handle,
      shownSkills: learnerProfiles.shownSkills,
    })
    .from(learnerProfiles)
    .innerJoin(users, eq(users.id, learnerProfiles.userId))
    .where(
      and(eq(learnerProfiles.handle, handle.toLowerCase()), eq(learnerProfiles.isPublic, true)),
    );
  return row ? { ...row, handle: row.handle! } : undefined;
}

/** Everything the roadmap needs about one learner, in two reads. */
export async function loadLearnerRecord(db: Database, userId: string) {
  const [evidence, completed] = await Promise.all([
    db
      .select({
        skillId: skillEvidence.skillId,
        kind: skillEvidence.kind,
        ref: skillEvidence.ref,
        score: skillEvidence.score,
        createdAt: skillEvidence.createdAt,
      })
      .from(skillEvidence)
      .where(eq(skillEvidence.userId, userId)),
    db
      .select({ courseId: lessonProgress.courseId, lessonId: lessonProgress.lessonId })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.status, "completed"))),
  ]);
  return {
    evidence,
    completedLessons: new Set(completed.map((c) => `${c.courseId}/${c.lessonId}`)),
  };
}
