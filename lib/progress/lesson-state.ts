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

/** "3 of 18 lessons completed" for a course, counting only lessons the course still has. */
export function countCompleted(
  lessonIds: readonly string[],
  completed: readonly string[] | undefined,
): number {
  const done = new Set(completed ?? []);
  return lessonIds.filter((id) => done.has(id)).length;
}
