import "server-only";

import { randomBytes, randomInt, randomUUID } from "node:crypto";

import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

import type { Database } from "../client";
import {
  cohortMembers,
  cohorts,
  type CohortRow,
  exerciseAttempts,
  exerciseCompletions,
  lessonProgress,
  quizAttempts,
  studioCourseMembers,
  studioCourses,
  users,
} from "../schema";

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A join code such as "K7QM-2XPA": 8 symbols from 31, about 2^40 codes. */
export function newJoinCode(): string {
  const symbols = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${symbols.slice(0, 4).join("")}-${symbols.slice(4).join("")}`;
}

/** A code as typed: any case, spaces or a missing dash are forgiven. */
export function normaliseJoinCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

export async function createCohort(
  db: Database,
  input: { courseId: string; name: string; ownerId: string; closesAt: Date | null },
): Promise<CohortRow> {
  const [row] = await db
    .insert(cohorts)
    .values({
      id: randomUUID(),
      courseId: input.courseId,
      name: input.name.trim(),
      ownerId: input.ownerId,
      joinCode: newJoinCode(),
      inviteToken: randomBytes(18).toString("base64url"),
      closesAt: input.closesAt,
    })
    .returning();
  return row;
}

export async function findCohort(db: Database, id: string): Promise<CohortRow | undefined> {
  const [row] = await db.select().from(cohorts).where(eq(cohorts.id, id));
  return row;
}

export async function findCohortByInvite(
  db: Database,
  token: string,
): Promise<CohortRow | undefined> {
  const [row] = await db.select().from(cohorts).where(eq(cohorts.inviteToken, token));
  return row;
}

export async function findCohortByCode(
  db: Database,
  typed: string,
): Promise<CohortRow | undefined> {
  const [row] = await db
    .select()
    .from(cohorts)
    .where(eq(cohorts.joinCode, normaliseJoinCode(typed)));
  return row;
}

/** A cohort with its size, as an instructor's list shows it. */
export type CohortSummary = CohortRow & { readonly members: number; readonly ownerName: string };

/** The cohorts `ownerId` runs, or every cohort when `ownerId` is null (admins), newest first. */
/** The studio courses a user owns or co-teaches: their cohorts are the user's to see too. */
function taughtStudioCourses(db: Database, userId: string) {
  return db
    .select({ id: studioCourses.id })
    .from(studioCourses)
    .leftJoin(
      studioCourseMembers,
      and(
        eq(studioCourseMembers.courseId, studioCourses.id),
        eq(studioCourseMembers.userId, userId),
      ),
    )
    .where(or(eq(studioCourses.ownerId, userId), eq(studioCourseMembers.userId, userId)));
}

export async function listCohorts(db: Database, ownerId: string | null): Promise<CohortSummary[]> {
  const members = db
    .select({ cohortId: cohortMembers.cohortId, n: sql<number>`count(*)::int`.as("n") })
    .from(cohortMembers)
    .groupBy(cohortMembers.cohortId)
    .as("members");
  const rows = await db
    .select({ cohort: cohorts, members: members.n, ownerName: users.name })
    .from(cohorts)
    .innerJoin(users, eq(users.id, cohorts.ownerId))
    .leftJoin(members, eq(members.cohortId, cohorts.id))
    .where(
      ownerId === null
        ? undefined
        : or(
            eq(cohorts.ownerId, ownerId),
            inArray(cohorts.courseId, taughtStudioCourses(db, ownerId)),
          ),
    )
    .orderBy(desc(cohorts.createdAt));
  return rows.map((r) => ({ ...r.cohort, members: r.members ?? 0, ownerName: r.ownerName }));
}

/** Joins (again) with consent given now; joining twice keeps the first consent. */
export async function joinCohort(db: Database, cohortId: string, userId: string): Promise<void> {
  await db.insert(cohortMembers).values({ cohortId, userId }).onConflictDoNothing();
}

export async function leaveCohort(
  db: Database,
  cohortId: string,
  userId: string,
): Promise<boolean> {
  const left = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
    .returning({ userId: cohortMembers.userId });
  return left.length > 0;
}

export async function isCohortMember(
  db: Database,
  cohortId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)));
  return row !== undefined;
}

/** The cohorts a learner belongs to, with their instructor's name. */
export async function listMemberships(db: Database, userId: string) {
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      courseId: cohorts.courseId,
      instructor: users.name,
      consentedAt: cohortMembers.consentedAt,
    })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .innerJoin(users, eq(users.id, cohorts.ownerId))
    .where(eq(cohortMembers.userId, userId))
    .orderBy(asc(cohorts.name));
}

/** One learner's line on a cohort's roster: progress in the cohort's course only. */
export interface RosterEntry {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly joinedAt: Date;
  readonly lessonsCompleted: number;
  readonly exercisesSolved: number;
  readonly exerciseAttempts: number;
  readonly quizzesTaken: number;
  /** Mean of each quiz's latest score, in [0, 1], or null before any quiz. */
  readonly quizMean: number | null;
  /** The latest lesson visit, submission or quiz in the course, or null. */
  readonly lastActiveAt: Date | null;
}

/** Every member's progress in the cohort's course, by name. */
/** A condition: the user in `column` is a member of the cohort. */
export function memberOf(cohort: CohortRow, column: AnyPgColumn): SQL {
  return sql`${column} in (select ${cohortMembers.userId} from ${cohortMembers} where ${cohortMembers.cohortId} = ${cohort.id})`;
}

export async function cohortRoster(db: Database, cohort: CohortRow): Promise<RosterEntry[]> {
  const course = cohort.courseId;
  const members = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      joinedAt: cohortMembers.consentedAt,
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(eq(cohortMembers.cohortId, cohort.id))
    .orderBy(asc(users.name));
  if (members.length === 0) return [];

  const [lessons, solved, attempts, quizzes] = await Promise.all([
    db
      .select({
        userId: lessonProgress.userId,
        completed: sql<number>`count(*) filter (where ${lessonProgress.status} = 'completed')::int`,
        lastSeen: sql<Date | null>`max(${lessonProgress.lastSeenAt})`,
      })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.courseId, course), memberOf(cohort, lessonProgress.userId)))
      .groupBy(lessonProgress.userId),
    db
      .select({ userId: exerciseCompletions.userId, n: sql<number>`count(*)::int` })
      .from(exerciseCompletions)
      .where(
        and(eq(exerciseCompletions.courseId, course), memberOf(cohort, exerciseCompletions.userId)),
      )
      .groupBy(exerciseCompletions.userId),
    db
      .select({
        userId: exerciseAttempts.userId,
        n: sql<number>`count(*)::int`,
        last: sql<Date | null>`max(${exerciseAttempts.createdAt})`,
      })
      .from(exerciseAttempts)
      .where(and(eq(exerciseAttempts.courseId, course), memberOf(cohort, exerciseAttempts.userId)))
      .groupBy(exerciseAttempts.userId),
    db
      .selectDistinctOn([quizAttempts.userId, quizAttempts.quizId], {
        userId: quizAttempts.userId,
        score: quizAttempts.score,
        takenAt: quizAttempts.createdAt,
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.courseId, course), memberOf(cohort, quizAttempts.userId)))
      .orderBy(quizAttempts.userId, quizAttempts.quizId, desc(quizAttempts.createdAt)),
  ]);

  const byUser = <T extends { userId: string }>(rows: T[]) =>
    new Map(rows.map((r) => [r.userId, r]));
  const lessonsOf = byUser(lessons);
  const solvedOf = byUser(solved);
  const attemptsOf = byUser(attempts);
  return members.map((m) => {
    const latestQuizzes = quizzes.filter((q) => q.userId === m.userId);
    const moments = [
      lessonsOf.get(m.userId)?.lastSeen,
      attemptsOf.get(m.userId)?.last,
      ...latestQuizzes.map((q) => q.takenAt),
    ]
      .filter((d): d is Date => d != null)
      .map((d) => new Date(d));
    return {
      ...m,
      lessonsCompleted: lessonsOf.get(m.userId)?.completed ?? 0,
      exercisesSolved: solvedOf.get(m.userId)?.n ?? 0,
      exerciseAttempts: attemptsOf.get(m.userId)?.n ?? 0,
      quizzesTaken: latestQuizzes.length,
      quizMean: latestQuizzes.length
        ? latestQuizzes.reduce((sum, q) => sum + q.score, 0) / latestQuizzes.length
        : null,
      lastActiveAt: moments.length ? new Date(Math.max(...moments.map((d) => d.getTime()))) : null,
    };
  });
}
