/**
 * Exercise funnels for a cohort: of the learners who opened an exercise's lesson, how many
 * attempted it, how many solved it, and how many attempts solving took. A wide gap between
 * attempted and solved marks an exercise that needs a better hint; between opened and attempted,
 * one learners skip.
 */

export interface FunnelExercise {
  readonly cellId: string;
  readonly lessonId: string;
  readonly title: string;
}

export interface FunnelAttempt {
  readonly userId: string;
  readonly cellId: string;
  readonly passed: boolean;
  readonly createdAt: Date;
}

export interface ExerciseFunnel extends FunnelExercise {
  readonly opened: number;
  readonly attempted: number;
  readonly solved: number;
  /** Attempts that did not pass, by anyone: what the misconception clusters group. */
  readonly wrongAttempts: number;
  /** Median attempts up to and including the first pass, over solvers; null without solvers. */
  readonly medianAttemptsToSolve: number | null;
}

/**
 * `openedLessons` maps each lesson id to the learners who opened it. A learner who attempted an
 * exercise counts as having opened its lesson even without a progress row (an attempt can be
 * sent before the page reports the visit).
 */
export function exerciseFunnels(
  exercises: readonly FunnelExercise[],
  openedLessons: ReadonlyMap<string, ReadonlySet<string>>,
  attempts: readonly FunnelAttempt[],
): ExerciseFunnel[] {
  return exercises.map((exercise) => {
    const byLearner = new Map<string, FunnelAttempt[]>();
    for (const attempt of attempts) {
      if (attempt.cellId !== exercise.cellId) continue;
      const list = byLearner.get(attempt.userId) ?? [];
      list.push(attempt);
      byLearner.set(attempt.userId, list);
    }
    const opened = new Set([...(openedLessons.get(exercise.lessonId) ?? []), ...byLearner.keys()]);
    const attemptsToSolve: number[] = [];
    let wrongAttempts = 0;
    for (const list of byLearner.values()) {
      wrongAttempts += list.filter((a) => !a.passed).length;
      list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const firstPass = list.findIndex((a) => a.passed);
      if (firstPass >= 0) attemptsToSolve.push(firstPass + 1);
    }
    return {
      ...exercise,
      opened: opened.size,
      attempted: byLearner.size,
      solved: attemptsToSolve.length,
      wrongAttempts,
      medianAttemptsToSolve: median(attemptsToSolve),
    };
  });
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
