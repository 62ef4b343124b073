import "server-only";

import { randomUUID } from "node:crypto";

import { and, count, eq } from "drizzle-orm";

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

/** An attempt as stored: what a retry with the same attempt key is answered with. */
export interface StoredAttempt {
  readonly id: string;
  readonly courseId: string;
  readonly lessonId: string;
  readonly cellId: string;
  readonly passed: boolean;
  readonly feedback: unknown;
}

export interface RecordedAttempt extends StoredAttempt {
  /** False when this attempt key was already recorded (a retry or a double click). */
  readonly isNew: boolean;
  /** True when this attempt is the learner's first pass of the exercise. */
  readonly firstSolve: boolean;
}

/** The attempt the learner stored under `attemptKey`, if any. */
export async function findAttempt(
  db: Database,
  userId: string,
  attemptKey: string,
): Promise<StoredAttempt | undefined> {
  const [row] = await db
    .select({
      id: exerciseAttempts.id,
      courseId: exerciseAttempts.courseId,
      lessonId: exerciseAttempts.lessonId,
      cellId: exerciseAttempts.cellId,
      passed: exerciseAttempts.passed,
      feedback: exerciseAttempts.feedback,
    })
    .from(exerciseAttempts)
    .where(and(eq(exerciseAttempts.userId, userId), eq(exerciseAttempts.attemptKey, attemptKey)));
  return row;
}

/**
 * Records a graded attempt exactly once per attempt key, and the first pass of an exercise
 * exactly once per learner — concurrent tabs and retried requests cannot double-count. Call it
 * inside the caller's transaction when more rows must be written with the attempt (it then runs
 * as a savepoint, and the caller's rollback undoes it too).
 */
export async function recordAttempt(db: Database, input: AttemptInput): Promise<RecordedAttempt> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(exerciseAttempts)
      .values({ id: randomUUID(), ...input, feedback: input.feedback as object })
      .onConflictDoNothing({ target: [exerciseAttempts.userId, exerciseAttempts.attemptKey] })
      .returning({ id: exerciseAttempts.id });
    if (inserted.length === 0) {
      const existing = await findAttempt(tx as unknown as Database, input.userId, input.attemptKey);
      return { ...existing!, isNew: false, firstSolve: false };
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
    const { courseId, lessonId, cellId, passed, feedback } = input;
    return { id, courseId, lessonId, cellId, passed, feedback, isNew: true, firstSolve };
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
