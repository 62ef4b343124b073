import "server-only";

import { and, desc, eq } from "drizzle-orm";

import type { Database } from "../client";
import { type CohortRow, exerciseAttempts, lessonProgress, quizAttempts } from "../schema";
import { memberOf } from "./cohorts";

/**
 * What a cohort's instructors see beyond the roster: every member's exercise attempts, the
 * lessons they opened and their latest quiz attempts, in the cohort's course only. Members have
 * consented to this when joining; a learner who leaves drops out of every query at once.
 */

export async function cohortExerciseAttempts(db: Database, cohort: CohortRow) {
  return db
    .select({
      userId: exerciseAttempts.userId,
      cellId: exerciseAttempts.cellId,
      passed: exerciseAttempts.passed,
      createdAt: exerciseAttempts.createdAt,
    })
    .from(exerciseAttempts)
    .where(
      and(
        eq(exerciseAttempts.courseId, cohort.courseId),
        memberOf(cohort, exerciseAttempts.userId),
      ),
    );
}

/** Lesson id → the members who opened it. */
export async function cohortOpenedLessons(
  db: Database,
  cohort: CohortRow,
): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ userId: lessonProgress.userId, lessonId: lessonProgress.lessonId })
    .from(lessonProgress)
    .where(
      and(eq(lessonProgress.courseId, cohort.courseId), memberOf(cohort, lessonProgress.userId)),
    );
  const opened = new Map<string, Set<string>>();
  for (const { userId, lessonId } of rows) {
    const set = opened.get(lessonId) ?? new Set<string>();
    set.add(userId);
    opened.set(lessonId, set);
  }
  return opened;
}

/**
 * Each member's latest attempt at each quiz of the course. Answers and results are the stored
 * JSON (lib/grading's QuizAnswers and QuizResult), typed by the caller.
 */
export async function cohortLatestQuizAttempts(db: Database, cohort: CohortRow) {
  return db
    .selectDistinctOn([quizAttempts.userId, quizAttempts.quizId], {
      userId: quizAttempts.userId,
      quizId: quizAttempts.quizId,
      lessonId: quizAttempts.lessonId,
      score: quizAttempts.score,
      answers: quizAttempts.answers,
      results: quizAttempts.results,
    })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.courseId, cohort.courseId), memberOf(cohort, quizAttempts.userId)))
    .orderBy(quizAttempts.userId, quizAttempts.quizId, desc(quizAttempts.createdAt));
}

/**
 * Members' exercise submissions in the cohort's course, newest first, narrowed to one learner,
 * one exercise or failed ones only; `feedback` is the stored JSON (lib/grading's
 * ExerciseFeedback), typed by the caller.
 */
export async function cohortSubmissions(
  db: Database,
  cohort: CohortRow,
  only: { userId?: string; cellId?: string; failed?: boolean },
  limit: number,
) {
  return db
    .select({
      id: exerciseAttempts.id,
      userId: exerciseAttempts.userId,
      cellId: exerciseAttempts.cellId,
      source: exerciseAttempts.source,
      passed: exerciseAttempts.passed,
      feedback: exerciseAttempts.feedback,
      createdAt: exerciseAttempts.createdAt,
    })
    .from(exerciseAttempts)
    .where(
      and(
        eq(exerciseAttempts.courseId, cohort.courseId),
        only.userId === undefined ? undefined : eq(exerciseAttempts.userId, only.userId),
        only.cellId === undefined ? undefined : eq(exerciseAttempts.cellId, only.cellId),
        only.failed ? eq(exerciseAttempts.passed, false) : undefined,
        memberOf(cohort, exerciseAttempts.userId),
      ),
    )
    .orderBy(desc(exerciseAttempts.createdAt), desc(exerciseAttempts.id))
    .limit(limit);
}
