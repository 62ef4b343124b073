import "server-only";

import type { Database } from "@/db/client";
import { saveCellCode } from "@/db/queries/progress";
import {
  AttemptKeyReusedError,
  GradingRefusedError,
  UnknownCheckError,
} from "@/lib/grading/errors";
import { checkExercise, submitQuiz, type Asker } from "@/lib/grading/service";

import { markLessonComplete, UnknownLessonError } from "./complete-lesson";
import type { QuizAnswerValue } from "./guest-progress";

/** What a guest did in one browser, as sent on merge (see guest-progress.ts and guest-work.ts). */
export interface GuestWork {
  readonly cells: readonly {
    courseId: string;
    lessonId: string;
    cells: readonly { cellId: string; source: string; editedAt: number }[];
  }[];
  readonly lessons: readonly { courseId: string; lessonId: string }[];
  readonly exercises: readonly {
    courseId: string;
    lessonId: string;
    cellId: string;
    source: string;
    attemptKey: string;
  }[];
  /** Oldest first, so review boxes move as the guest's attempts did. */
  readonly quizzes: readonly {
    courseId: string;
    lessonId: string;
    attemptKey: string;
    answers: Readonly<Record<string, QuizAnswerValue>>;
  }[];
}

export interface MergeReport {
  readonly cells: number;
  readonly lessons: number;
  /** Exercises the server's own grade says are solved. */
  readonly solvedExercises: number;
  /** Exercises the browser called solved that did not pass when graded again. */
  readonly unsolvedExercises: number;
  readonly quizResults: number;
  /** Distinct questions missed in the merged quiz attempts: they are now in review. */
  readonly reviewQuestions: number;
  /** Attempt keys settled for good (stored, or refused): the browser may forget them. */
  readonly settled: { readonly exercises: string[]; readonly quizzes: string[] };
  /** Items not merged this time (the grader was busy or failed): kept for a later try. */
  readonly failed: number;
}

/** A refusal that will not change on retry: the item is dropped rather than kept forever. */
const isFinal = (error: unknown) =>
  error instanceof UnknownCheckError ||
  error instanceof AttemptKeyReusedError ||
  error instanceof GradingRefusedError ||
  error instanceof UnknownLessonError;

/**
 * Moves a guest's work into the signed-in learner's account. Nothing the browser says about a
 * result is believed: each exercise is graded again from its stored submission, and each quiz
 * attempt from its stored answers, through the grading service, which stores them as the
 * learner's own attempts (with skill evidence and review boxes). Every write is idempotent: code
 * keeps the newest edit per cell, a lesson keeps its first completion, and attempts are stored
 * once per the guest's attempt key — so a retry, or two tabs merging at once, never counts twice.
 */
export async function mergeGuestWork(
  db: Database,
  asker: Asker & { readonly userId: string },
  work: GuestWork,
): Promise<MergeReport> {
  const { userId } = asker;
  let cells = 0;
  for (const lesson of work.cells) {
    await saveCellCode(
      db,
      userId,
      lesson.courseId,
      lesson.lessonId,
      lesson.cells.map((c) => ({ ...c, editedAt: new Date(c.editedAt) })),
    );
    cells += lesson.cells.length;
  }

  let lessons = 0;
  for (const { courseId, lessonId } of work.lessons) {
    try {
      await markLessonComplete(db, userId, courseId, lessonId);
      lessons++;
    } catch (error) {
      if (!isFinal(error)) throw error;
    }
  }

  let failed = 0;
  const settled = { exercises: [] as string[], quizzes: [] as string[] };
  let solvedExercises = 0;
  let unsolvedExercises = 0;
  for (const exercise of work.exercises) {
    try {
      const { feedback } = await checkExercise(db, { ...asker, ...exercise });
      if (feedback.passed) solvedExercises++;
      else unsolvedExercises++;
      settled.exercises.push(exercise.attemptKey);
    } catch (error) {
      if (isFinal(error)) {
        unsolvedExercises++;
        settled.exercises.push(exercise.attemptKey);
      } else failed++;
    }
  }

  let quizResults = 0;
  const missed = new Set<string>();
  for (const attempt of work.quizzes) {
    try {
      const { result } = await submitQuiz(db, { ...asker, ...attempt });
      quizResults++;
      for (const q of result.questions) if (!q.correct) missed.add(`${attempt.courseId}/${q.id}`);
      settled.quizzes.push(attempt.attemptKey);
    } catch (error) {
      if (isFinal(error)) settled.quizzes.push(attempt.attemptKey);
      else failed++;
    }
  }

  return {
    cells,
    lessons,
    solvedExercises,
    unsolvedExercises,
    quizResults,
    reviewQuestions: missed.size,
    settled,
    failed,
  };
}
