"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

import {
  guestLessonState,
  type QuizAnswerValue,
  saveGuestCompletion,
  saveGuestQuizAttempt,
  saveGuestSolve,
} from "@/lib/progress/guest-progress";
import { EMPTY_LESSON_STATE, type LessonState, solvedAt } from "@/lib/progress/lesson-state";

import { notifyGuestProgress, useGuestValue } from "./use-guest-storage";

/** What a lesson's parts report as the learner works, so the page shows it at once. */
export interface LessonProgressApi {
  readonly state: LessonState;
  /** True when the progress shown is the account's (rendered on the server). */
  readonly signedIn: boolean;
  completed(at: string): void;
  exerciseChecked(check: {
    cellId: string;
    passed: boolean;
    source: string;
    attemptKey: string;
    signedIn: boolean;
  }): void;
  quizSubmitted(attempt: {
    attemptKey: string;
    answers: Record<string, QuizAnswerValue>;
    result: { correctCount: number; total: number; score: number; passed: boolean };
    signedIn: boolean;
  }): void;
}

const LessonProgressContext = createContext<LessonProgressApi | null>(null);

/** The lesson's progress, or null outside a lesson page (a demo page, a test). */
export function useLessonProgress(): LessonProgressApi | null {
  return useContext(LessonProgressContext);
}

/**
 * Progress on one lesson: completion, solved exercises and the last quiz score. For a signed-in
 * learner it starts from the server's render (`initial`) and follows what happens on the page;
 * for a guest (`initial` null) it lives in this browser's storage, where the merge on sign-up
 * finds it.
 */
export function LessonProgressProvider({
  courseId,
  lessonId,
  initial,
  children,
}: {
  courseId: string;
  lessonId: string;
  initial: LessonState | null;
  children: ReactNode;
}) {
  const signedIn = initial !== null;
  const [member, setMember] = useState<LessonState>(initial ?? EMPTY_LESSON_STATE);
  // A new server render (sign-in, a merge's refresh) brings the account's progress: it wins.
  const [rendered, setRendered] = useState(initial);
  if (initial !== rendered) {
    setRendered(initial);
    setMember(initial ?? EMPTY_LESSON_STATE);
  }
  const readGuest = useCallback(
    (storage: Storage) => guestLessonState(storage, courseId, lessonId),
    [courseId, lessonId],
  );
  const guest = useGuestValue(readGuest, !signedIn);

  const api = useMemo<LessonProgressApi>(() => {
    const now = () => new Date().toISOString();
    return {
      state: signedIn ? member : (guest ?? EMPTY_LESSON_STATE),
      signedIn,
      completed(at) {
        if (signedIn) {
          setMember((s) => ({ ...s, completedAt: s.completedAt ?? at }));
        } else {
          saveGuestCompletion(localStorage, courseId, lessonId, Date.parse(at));
          notifyGuestProgress();
        }
      },
      exerciseChecked({ cellId, passed, source, attemptKey, signedIn: stored }) {
        if (!passed) return;
        if (stored) {
          setMember((s) =>
            solvedAt(s, cellId) ? s : { ...s, solved: { ...s.solved, [cellId]: now() } },
          );
        } else {
          saveGuestSolve(
            localStorage,
            { courseId, lessonId, cellId },
            { source, attemptKey, solvedAt: Date.now() },
          );
          notifyGuestProgress();
        }
      },
      quizSubmitted({ attemptKey, answers, result, signedIn: stored }) {
        const score = {
          correctCount: result.correctCount,
          total: result.total,
          score: result.score,
          passed: result.passed,
        };
        if (stored) {
          setMember((s) => ({ ...s, lastQuiz: { ...score, takenAt: now() } }));
        } else {
          saveGuestQuizAttempt(localStorage, courseId, lessonId, {
            attemptKey,
            answers,
            takenAt: Date.now(),
            ...score,
          });
          notifyGuestProgress();
        }
      },
    };
  }, [signedIn, member, guest, courseId, lessonId]);

  return <LessonProgressContext value={api}>{children}</LessonProgressContext>;
}
