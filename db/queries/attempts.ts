import "server-only";

import { randomUUID } from "node:crypto";

import { and, count, desc, eq } from "drizzle-orm";

import type { Database } from "../client";
import { exerciseAttempts, exerciseCompletions } from "../schema";

export interface AttemptInput {
  readonly userId: string;
  readonly attemptKey: string;
  readonly courseId: string;
  readonly lessonId: string;
  readonly cellId: string;
  readonly source: string;
  readonly passed: boolean;
  readonly score: number | null;
  readonly feedback: unknown;
}

export interface RecordedAttempt {
  readonly id: string;
  readonly passed: boolean;
  readonly feedback: unknown;
  /** False when this attempt key was already recorded (a retry or a double click). */
  readonly isNew: boolean;
  /** True when this attempt is the learner's first pass of the exercise. */
  readonly firstSolve: boolean;
}

/**
 * Records a graded attempt exactly once per attempt key, and the first pass of an exercise
 * exactly once per learner — concurrent tabs and retried requests cannot double-count.
 */
export async function recordAttempt(db: Database, input: AttemptInput): Promise<RecordedAttempt> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(exerciseAttempts)
      .values({ id: randomUUID(), ...input, feedback: input.feedback as object })
      .onConflictDoNothing({ target: [exerciseAttempts.userId, exerciseAttempts.attemptKey] })
      .returning({ id: exerciseAttempts.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({
          id: exerciseAttempts.id,
          passed: exerciseAttempts.passed,
          feedback: exerciseAttempts.feedback,
        })
        .from(exerciseAttempts)
        .where(
          and(
            eq(exerciseAttempts.userId, input.userId),
            eq(exerciseAttempts.attemptKey, input.attemptKey),
          ),
        );
      return { ...existing, isNew: false, firstSolve: false };
    }
    const id = inserted[0].id;
    let firstSolve = false;
    if (input.passed) {
      const solved = await tx
        .insert(exerciseCompletions)
        .values({
          userId: input.userId,
          courseId: input.courseId,
          cellId: input.cellId,
          lessonId: input.lessonId,
          attemptId: id,
        })
        .onConflictDoNothing()
        .returning({ cellId: exerciseCompletions.cellId });
      firstSolve = solved.length > 0;
    }
    return { id, passed: input.passed, feedback: input.feedback, isNew: true, firstSolve };
  });
}

/** Failed attempts so far at one exercise (unlocks hints and the worked solution). */
export async function countFailedAttempts(
  db: Database,
  userId: string,
  courseId: string,
  cellId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(exerciseAttempts)
    .where(
      and(
        eq(exerciseAttempts.userId, userId),
        eq(exerciseAttempts.courseId, courseId),
        eq(exerciseAttempts.cellId, cellId),
        eq(exerciseAttempts.passed, false),
      ),
    );
  return Number(row.n);
}

export async function isSolved(
  db: Database,
  userId: string,
  courseId: string,
  cellId: string,
): Promise<boolean> {
  const rows = await db
    .select({ cellId: exerciseCompletions.cellId })
    .from(exerciseCompletions)
    .where(
      and(
        eq(exerciseCompletions.userId, userId),
        eq(exerciseCompletions.courseId, courseId),
        eq(exerciseCompletions.cellId, cellId),
      ),
    );
  return rows.length > 0;
}

/** The learner's own attempts at a lesson's exercises, newest first. */
export async function listAttempts(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
) {
  return db
    .select({
      id: exerciseAttempts.id,
      cellId: exerciseAttempts.cellId,
      passed: exerciseAttempts.passed,
      createdAt: exerciseAttempts.createdAt,
    })
    .from(exerciseAttempts)
    .where(
      and(
        eq(exerciseAttempts.userId, userId),
        eq(exerciseAttempts.courseId, courseId),
        eq(exerciseAttempts.lessonId, lessonId),
      ),
    )
    .orderBy(desc(exerciseAttempts.createdAt));
}
