"use client";

import { formatDay } from "@/lib/progress/format-day";
import { solvedAt as solvedAtOf } from "@/lib/progress/lesson-state";

import { useLessonProgress } from "./lesson-progress-context";

/** "✓ Solved on 3 Dec 2026" beside an exercise the learner has solved. */
export function SolvedMark({ cellId }: { cellId: string }) {
  const progress = useLessonProgress();
  const solvedAt = progress && solvedAtOf(progress.state, cellId);
  if (!solvedAt) return null;
  return (
    <p className="solved-mark">
      <span aria-hidden="true">✓ </span>Solved on{" "}
      <time dateTime={solvedAt}>{formatDay(solvedAt)}</time>
    </p>
  );
}
