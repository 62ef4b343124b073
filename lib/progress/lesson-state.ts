/**
 * What a lesson page shows of the learner's own progress, in one shape whether it comes from
 * the account (rendered on the server) or from a guest's browser storage. Dates are ISO strings
 * so the shape crosses from server to client components unchanged.
 */

/** The learner's latest quiz attempt at a lesson. */
export interface QuizScore {
  readonly correctCount: number;
  readonly total: number;
  /** correctCount / total, in [0, 1]. */
  readonly score: number;
  readonly passed: boolean;
  readonly takenAt: string;
}

export interface LessonState {
  /** When the learner marked the lesson complete, or null. */
  readonly completedAt: string | null;
  /** Solved exercises: cell id to when it was first solved. */
  readonly solved: Readonly<Record<string, string>>;
  readonly lastQuiz: QuizScore | null;
}

export const EMPTY_LESSON_STATE: LessonState = { completedAt: null, solved: {}, lastQuiz: null };

/** Completed lessons of every course: course id to the ids of its completed lessons. */
export type CompletedLessons = Readonly<Record<string, readonly string[]>>;

/*
 * Cell and course ids are names chosen by authors and learners, so they are read as own keys
 * only: a cell called `constructor` or `toString` is an ordinary id, not Object.prototype's.
 */

/** When the learner first solved the exercise in `cellId`, or undefined. */
export function solvedAt(state: LessonState, cellId: string): string | undefined {
  return Object.hasOwn(state.solved, cellId) ? state.solved[cellId] : undefined;
}

/** The ids of the lessons completed in `courseId`. */
export function completedIn(completed: CompletedLessons, courseId: string): readonly string[] {
  return Object.hasOwn(completed, courseId) ? completed[courseId] : [];
}

/** "3 of 18 lessons completed" for a course, counting only lessons the course still has. */
export function countCompleted(
  lessonIds: readonly string[],
  completed: readonly string[] | undefined,
): number {
  const done = new Set(completed ?? []);
  return lessonIds.filter((id) => done.has(id)).length;
}
