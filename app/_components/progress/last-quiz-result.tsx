"use client";

import { formatDay } from "@/lib/progress/format-day";

import { useLessonProgress } from "./lesson-progress-context";

/** The learner's latest score on this lesson's quiz, above the quiz. */
export function LastQuizResult() {
  const lastQuiz = useLessonProgress()?.state.lastQuiz;
  if (!lastQuiz) return null;
  return (
    <p className="last-quiz">
      Your last attempt: {lastQuiz.correctCount} of {lastQuiz.total} (
      {Math.round(lastQuiz.score * 100)}%), {lastQuiz.passed ? "passed" : "not passed"}, on{" "}
      <time dateTime={lastQuiz.takenAt}>{formatDay(lastQuiz.takenAt)}</time>
    </p>
  );
}
