import "server-only";

import { and, desc, eq, gte, sql } from "drizzle-orm";

import type { Database } from "../client";
import {
  cellCode,
  enrolments,
  exerciseCompletions,
  lessonProgress,
  skillEvidence,
} from "../schema";

export interface SavedCellCode {
  readonly cellId: string;
  readonly source: string;
  readonly editedAt: Date;
}

export async function listCellCode(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<SavedCellCode[]> {
  return db
    .select({ cellId: cellCode.cellId, source: cellCode.source, editedAt: cellCode.editedAt })
    .from(cellCode)
    .where(
      and(
        eq(cellCode.userId, userId),
        eq(cellCode.courseId, courseId),
        eq(cellCode.lessonId, lessonId),
      ),
    );
}

/**
 * Saves cells, keeping for each the latest edit: a save carrying an older edit than the stored
 * one (a slow request from another tab, a retry) changes nothing. Idempotent.
 */
export async function saveCellCode(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
  cells: readonly SavedCellCode[],
): Promise<void> {
  if (cells.length === 0) return;
  await db
    .insert(cellCode)
    .values(
      cells.map((c) => ({
        userId,
        courseId,
        lessonId,
        cellId: c.cellId,
        source: c.source,
        editedAt: c.editedAt,
      })),
    )
    .onConflictDoUpdate({
      target: [cellCode.userId, cellCode.courseId, cellCode.lessonId, cellCode.cellId],
      set: { source: sql`excluded.source`, editedAt: sql`excluded.edited_at`, savedAt: sql`now()` },
      setWhere: sql`excluded.edited_at > ${cellCode.editedAt}`,
    });
}

export async function enrol(db: Database, userId: string, courseId: string): Promise<void> {
  await db.insert(enrolments).values({ userId, courseId }).onConflictDoNothing();
}

/** Records a visit (and reading time, capped per call) to a lesson; idempotent apart from time. */
export async function recordLessonVisit(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
  secondsSpent: number,
): Promise<void> {
  await enrol(db, userId, courseId);
  await db
    .insert(lessonProgress)
    .values({ userId, courseId, lessonId, secondsSpent })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.courseId, lessonProgress.lessonId],
      set: {
        secondsSpent: sql`${lessonProgress.secondsSpent} + ${secondsSpent}`,
        lastSeenAt: sql`now()`,
      },
    });
}

/** Marks a lesson completed; the first completion time is kept on repeats. */
export async function completeLesson(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<boolean> {
  await recordLessonVisit(db, userId, courseId, lessonId, 0);
  const updated = await db
    .update(lessonProgress)
    .set({ status: "completed", completedAt: sql`now()` })
    .where(
      and(
        eq(lessonProgress.userId, userId),
        eq(lessonProgress.courseId, courseId),
        eq(lessonProgress.lessonId, lessonId),
        eq(lessonProgress.status, "started"),
      ),
    )
    .returning({ lessonId: lessonProgress.lessonId });
  return updated.length > 0;
}

export async function listLessonProgress(db: Database, userId: string) {
  return db
    .select()
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, userId))
    .orderBy(desc(lessonProgress.lastSeenAt));
}

/** The lessons a learner completed, with when (first completion), in every course. */
export async function listCompletedLessons(db: Database, userId: string) {
  return db
    .select({
      courseId: lessonProgress.courseId,
      lessonId: lessonProgress.lessonId,
      completedAt: lessonProgress.completedAt,
    })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.status, "completed")));
}

/** One lesson's completion time, or null when the learner has not completed it. */
export async function findLessonCompletion(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ completedAt: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(
      and(
        eq(lessonProgress.userId, userId),
        eq(lessonProgress.courseId, courseId),
        eq(lessonProgress.lessonId, lessonId),
        eq(lessonProgress.status, "completed"),
      ),
    );
  return row?.completedAt ?? null;
}

/** The exercises of one lesson the learner has solved, with when each was first solved. */
export async function listLessonSolves(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
) {
  return db
    .select({ cellId: exerciseCompletions.cellId, solvedAt: exerciseCompletions.solvedAt })
    .from(exerciseCompletions)
    .where(
      and(
        eq(exerciseCompletions.userId, userId),
        eq(exerciseCompletions.courseId, courseId),
        eq(exerciseCompletions.lessonId, lessonId),
      ),
    );
}

export async function listCompletions(db: Database, userId: string) {
  return db
    .select()
    .from(exerciseCompletions)
    .where(eq(exerciseCompletions.userId, userId))
    .orderBy(desc(exerciseCompletions.solvedAt));
}

/** Adds evidence for skills; the same evidence twice keeps the better score. */
export async function addSkillEvidence(
  db: Database,
  userId: string,
  evidence: readonly {
    skillId: string;
    kind: "lesson" | "exercise" | "quiz";
    ref: string;
    score: number;
  }[],
): Promise<void> {
  if (evidence.length === 0) return;
  await db
    .insert(skillEvidence)
    .values(evidence.map((e) => ({ userId, ...e })))
    .onConflictDoUpdate({
      target: [skillEvidence.userId, skillEvidence.skillId, skillEvidence.kind, skillEvidence.ref],
      set: { score: sql`greatest(${skillEvidence.score}, excluded.score)`, createdAt: sql`now()` },
    });
}

export async function listSkillEvidence(db: Database, userId: string) {
  return db.select().from(skillEvidence).where(eq(skillEvidence.userId, userId));
}

/** Distinct UTC days with any activity since `since`, newest first (for streaks). */
export async function activityDays(db: Database, userId: string, since: Date): Promise<string[]> {
  // A raw template passes parameters to the driver as they are, and postgres.js cannot
  // serialise a Date there (PGlite can): send an ISO string and let Postgres cast it.
  const from = sql`${since.toISOString()}::timestamptz`;
  const rows = await db.execute<{ day: string }>(sql`
    select distinct to_char(t.at at time zone 'UTC', 'YYYY-MM-DD') as day from (
      select last_seen_at as at from ${lessonProgress} where user_id = ${userId} and last_seen_at >= ${from}
      union all
      select saved_at from ${cellCode} where user_id = ${userId} and saved_at >= ${from}
      union all
      select solved_at from ${exerciseCompletions} where user_id = ${userId} and solved_at >= ${from}
    ) t order by day desc`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: { day: string }[] }).rows;
  return list.map((r) => r.day);
}

export { gte };
