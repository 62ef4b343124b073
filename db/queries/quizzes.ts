import "server-only";

import { randomUUID } from "node:crypto";

import { and, asc, desc, eq, lte } from "drizzle-orm";

import type { Database } from "../client";
import { quizAttempts, reviewAnswers, reviewItems } from "../schema";

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
}

/** A quiz attempt as stored: what a retry with the same attempt key is answered with. */
export interface StoredQuizAttempt {
  readonly courseId: string;
  readonly lessonId: string;
  readonly quizId: string;
  /** As submitted, so a repeated submission shows what was graded, not what it resent. */
  readonly answers: unknown;
  readonly results: unknown;
}

/**
 * Stores a quiz attempt once per attempt key; false when the key was already stored (a double
 * click, a retry), in which case nothing was written.
 */
export async function insertQuizAttempt(db: Database, input: QuizAttemptInput): Promise<boolean> {
  const inserted = await db
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
  return inserted.length > 0;
}

export async function findQuizAttempt(
  db: Database,
  userId: string,
  attemptKey: string,
): Promise<StoredQuizAttempt | undefined> {
  const [row] = await db
    .select({
      courseId: quizAttempts.courseId,
      lessonId: quizAttempts.lessonId,
      quizId: quizAttempts.quizId,
      answers: quizAttempts.answers,
      results: quizAttempts.results,
    })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.attemptKey, attemptKey)));
  return row;
}

/** The learner's latest attempt at a lesson's quiz (score and when), if any. */
export async function findLatestQuizAttempt(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
) {
  const [row] = await db
    .select({
      score: quizAttempts.score,
      passed: quizAttempts.passed,
      results: quizAttempts.results,
      createdAt: quizAttempts.createdAt,
    })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, userId),
        eq(quizAttempts.courseId, courseId),
        eq(quizAttempts.lessonId, lessonId),
      ),
    )
    .orderBy(desc(quizAttempts.createdAt))
    .limit(1);
  return row;
}

export interface ReviewAnswerInput {
  readonly userId: string;
  readonly attemptKey: string;
  readonly courseId: string;
  readonly lessonId: string;
  readonly questionId: string;
  readonly correct: boolean;
  readonly result: unknown;
}

export interface StoredReviewAnswer {
  readonly courseId: string;
  readonly lessonId: string;
  readonly questionId: string;
  readonly correct: boolean;
  readonly result: unknown;
}

/** Stores a review answer once per attempt key; false when the key was already stored. */
export async function insertReviewAnswer(db: Database, input: ReviewAnswerInput): Promise<boolean> {
  const inserted = await db
    .insert(reviewAnswers)
    .values({ id: randomUUID(), ...input, result: input.result as object })
    .onConflictDoNothing({ target: [reviewAnswers.userId, reviewAnswers.attemptKey] })
    .returning({ id: reviewAnswers.id });
  return inserted.length > 0;
}

export async function findReviewAnswer(
  db: Database,
  userId: string,
  attemptKey: string,
): Promise<StoredReviewAnswer | undefined> {
  const [row] = await db
    .select({
      courseId: reviewAnswers.courseId,
      lessonId: reviewAnswers.lessonId,
      questionId: reviewAnswers.questionId,
      correct: reviewAnswers.correct,
      result: reviewAnswers.result,
    })
    .from(reviewAnswers)
    .where(and(eq(reviewAnswers.userId, userId), eq(reviewAnswers.attemptKey, attemptKey)));
  return row;
}

export interface ReviewState {
  readonly box: number;
  readonly dueAt: Date;
}

/**
 * A question's review box, locked until the caller's transaction ends, so two answers to the
 * same question (two tabs) move it one after the other rather than both from the same box.
 */
export async function lockReviewState(
  db: Database,
  userId: string,
  courseId: string,
  questionId: string,
): Promise<ReviewState | undefined> {
  const [row] = await db
    .select({ box: reviewItems.box, dueAt: reviewItems.dueAt })
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.userId, userId),
        eq(reviewItems.courseId, courseId),
        eq(reviewItems.questionId, questionId),
      ),
    )
    .for("update");
  return row;
}

/** Stores a question's review box and due time (computed by the caller). */
export async function saveReviewState(
  db: Database,
  item: {
    readonly userId: string;
    readonly courseId: string;
    readonly lessonId: string;
    readonly questionId: string;
    readonly box: number;
    readonly dueAt: Date;
    readonly reviewedAt: Date;
  },
): Promise<void> {
  const { reviewedAt, ...values } = item;
  await db
    .insert(reviewItems)
    .values({ ...values, lastReviewedAt: reviewedAt })
    .onConflictDoUpdate({
      target: [reviewItems.userId, reviewItems.courseId, reviewItems.questionId],
      set: { box: item.box, dueAt: item.dueAt, lastReviewedAt: reviewedAt },
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
