/**
 * The banner after a merge, saying exactly what reached the account, e.g. "Merged 7 cells,
 * 2 solved exercises and 1 quiz result to your account. 1 missed question is waiting in review."
 */
export interface MergeCounts {
  readonly cells: number;
  readonly lessons: number;
  readonly solvedExercises: number;
  readonly unsolvedExercises: number;
  readonly quizResults: number;
  readonly reviewQuestions: number;
  readonly failed: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function list(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export function describeMerge(counts: MergeCounts): string {
  const parts = [
    counts.cells > 0 ? count(counts.cells, "cell") : null,
    counts.lessons > 0 ? count(counts.lessons, "completed lesson") : null,
    counts.solvedExercises > 0 ? count(counts.solvedExercises, "solved exercise") : null,
    counts.quizResults > 0 ? count(counts.quizResults, "quiz result") : null,
  ].filter((p): p is string => p !== null);
  const sentences = [
    parts.length > 0 ? `Merged ${list(parts)} into your account.` : "Nothing new to merge.",
  ];
  if (counts.unsolvedExercises > 0) {
    sentences.push(
      `${count(counts.unsolvedExercises, "exercise")} did not pass when checked again, so ${
        counts.unsolvedExercises === 1 ? "it is" : "they are"
      } not counted as solved.`,
    );
  }
  if (counts.reviewQuestions > 0) {
    sentences.push(
      `${count(counts.reviewQuestions, "missed question")} ${
        counts.reviewQuestions === 1 ? "is" : "are"
      } waiting in review.`,
    );
  }
  if (counts.failed > 0) {
    sentences.push(
      `${count(counts.failed, "item")} could not be merged right now; try again in a minute.`,
    );
  }
  return sentences.join(" ");
}

/** What the banner offers before merging, e.g. "7 cells in 2 lessons, 1 solved exercise". */
export function describeGuestWork(work: {
  readonly cells: number;
  readonly cellLessons: number;
  readonly lessons: number;
  readonly exercises: number;
  readonly quizAttempts: number;
}): string {
  return list(
    [
      work.cells > 0
        ? `${count(work.cells, "cell")} of code in ${count(work.cellLessons, "lesson")}`
        : null,
      work.lessons > 0 ? count(work.lessons, "completed lesson") : null,
      work.exercises > 0 ? count(work.exercises, "solved exercise") : null,
      work.quizAttempts > 0 ? count(work.quizAttempts, "quiz attempt") : null,
    ].filter((p): p is string => p !== null),
  );
}
