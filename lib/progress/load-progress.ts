import "server-only";

import type { Database } from "@/db/client";
import {
  findLessonCompletion,
  listCompletedLessons,
  listLessonSolves,
} from "@/db/queries/progress";
import { findLatestQuizAttempt } from "@/db/queries/quizzes";

import type { CompletedLessons, LessonState, QuizScore } from "./lesson-state";

/**
 * A signed-in learner's stored progress, read for the server render of the library, course and
 * lesson pages, so the page arrives with its ticks and scores already in place.
 */

export async function loadCompletedLessons(
  db: Database,
  userId: string,
): Promise<CompletedLessons> {
  const byCourse = new Map<string, string[]>();
  for (const row of await listCompletedLessons(db, userId)) {
    byCourse.set(row.courseId, [...(byCourse.get(row.courseId) ?? []), row.lessonId]);
  }
  return Object.fromEntries(byCourse);
}

export async function loadLessonState(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<LessonState> {
  const [completedAt, solves, quiz] = await Promise.all([
    findLessonCompletion(db, userId, courseId, lessonId),
    listLessonSolves(db, userId, courseId, lessonId),
    findLatestQuizAttempt(db, userId, courseId, lessonId),
  ]);
  return {
    completedAt: completedAt?.toISOString() ?? null,
    solved: Object.fromEntries(solves.map((s) => [s.cellId, s.solvedAt.toISOString()])),
    lastQuiz: quiz ? quizScore(quiz) : null,
  };
}

function quizScore(row: {
  score: number;
  passed: boolean;
  results: unknown;
  createdAt: Date;
}): QuizScore {
  // The stored grade carries the counts; the score column alone would lose "3 of 5".
  const results = row.results as { correctCount?: unknown; total?: unknown };
  const total = typeof results.total === "number" ? results.total : 0;
  const correctCount = typeof results.correctCount === "number" ? results.correctCount : 0;
  return {
    correctCount,
    total,
    score: row.score,
    passed: row.passed,
    takenAt: row.createdAt.toISOString(),
  };
}
