/**
 * Hints and the worked solution are data the caller reveals; these functions only say what is
 * unlocked after a number of failed attempts (counted by the caller, stored with the attempts).
 */
import type { Exercise } from "./schemas";

type WithHints = Pick<Exercise, "hints" | "solutionAfter">;

/** The hints unlocked so far: one more after each failed attempt, in order. */
export function hintsFor(exercise: WithHints, failedAttempts: number): readonly string[] {
  const unlocked = Math.max(0, Math.floor(failedAttempts));
  return exercise.hints.slice(0, unlocked);
}

/** Whether the worked solution may be shown: after `solutionAfter` failed attempts. */
export function solutionUnlocked(exercise: WithHints, failedAttempts: number): boolean {
  return failedAttempts >= exercise.solutionAfter;
}
