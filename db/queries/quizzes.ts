import "server-only";

import { randomUUID } from "node:crypto";

import { and, asc, desc, eq, lte } from "drizzle-orm";

import { nextReview } from "@/lib/review/leitner";

import type { Database } from "../client";
import { quizAttempts, reviewItems } from "../schema";

export interface QuizAttemptInput {
  readonly userId: string;
  readonly attemptKey: string;
  readonly courseId: string;
  readonly lessonId: string;
  readonly quizId: string;
  readonly answers: unknown;
  readonly results: unknown;
  readonly score: number;
  readonly passed: boolean;
  readonly secondsTaken?: number;
  /** Per question: was it answered correctly (feeds the review boxes). */
  readonly outcomes: readonly { questionId: string; correct: boolean }[];
}

/**
 * Stores a quiz attempt once per attempt key and updates the learner's review boxes in the same
 * transaction; a repeated submission (double click, retry) changes nothing and reports so.
 */
export async function recordQuizAttempt(
  db: Database,
  input: QuizAttemptInput,
  now = new Date(),
): Promise<{ isNew: boolean }> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(quizAttempts)
      .values({
        id: randomUUID(),
        userId: input.userId,
        attemptKey: input.attemptKey,
        courseId: input.courseId,
        lessonId: input.lessonId,
        quizId: input.quizId,
        answers: input.answers as object,
        results: input.results as object,
        score: input.score,
        passed: input.passed,
        secondsTaken: input.secondsTaken,
      })
      .onConflictDoNothing({ target: [quizAttempts.userId, quizAttempts.attemptKey] })
      .returning({ id: quizAttempts.id });
    if (inserted.length === 0) return { isNew: false };
    for (const outcome of input.outcomes) {
      await updateReview(
        tx as unknown as Database,
        input.userId,
        input.courseId,
        input.lessonId,
        outcome.questionId,
        outcome.correct,
        now,
      );
    }
    return { isNew: true };
  });
}

/** Moves one question between Leitner boxes after an answer. */
export async function updateReview(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
  questionId: string,
  correct: boolean,
  now = new Date(),
): Promise<void> {
  const key = and(
    eq(reviewItems.userId, userId),
    eq(reviewItems.courseId, courseId),
    eq(reviewItems.questionId, questionId),
  );
  const [current] = await db
    .select({ box: reviewItems.box, dueAt: reviewItems.dueAt })
    .from(reviewItems)
    .where(key);
  const next = nextReview(current, correct, now);
  if (!next) return;
  await db
    .insert(reviewItems)
    .values({
      userId,
      courseId,
      lessonId,
      questionId,
      box: next.box,
      dueAt: next.dueAt,
      lastReviewedAt: now,
    })
    .onConflictDoUpdate({
      target: [reviewItems.userId, reviewItems.courseId, reviewItems.questionId],
      set: { box: next.box, dueAt: next.dueAt, lastReviewedAt: now },
    });
}

export async function listDueReviews(db: Database, userId: string, now = new Date()) {
  return db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.userId, userId), lte(reviewItems.dueAt, now)))
    .orderBy(asc(reviewItems.dueAt));
}

export async function listReviews(db: Database, userId: string) {
  return db
    .select()
    .from(reviewItems)
    .where(eq(reviewItems.userId, userId))
    .orderBy(asc(reviewItems.dueAt));
}

export async function listQuizAttempts(
  db: Database,
  userId: string,
  courseId: string,
  quizId: string,
) {
  return db
    .select({
      score: quizAttempts.score,
      passed: quizAttempts.passed,
      createdAt: quizAttempts.createdAt,
    })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, userId),
        eq(quizAttempts.courseId, courseId),
        eq(quizAttempts.quizId, quizId),
      ),
    )
    .orderBy(desc(quizAttempts.createdAt));
}
