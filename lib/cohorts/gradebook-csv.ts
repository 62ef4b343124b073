/**
 * A cohort's gradebook as CSV (RFC 4180), one row per learner: progress, each exercise and each
 * quiz of the course, ready for a spreadsheet or a school's grading system.
 */

export interface GradebookColumn {
  readonly id: string;
  readonly title: string;
}

export interface GradebookLearner {
  readonly name: string;
  readonly email: string;
  readonly lessonsCompleted: number;
  readonly lastActiveAt: Date | null;
  /** By exercise cell id: whether solved, and attempts made. */
  readonly exercises: ReadonlyMap<string, { readonly solved: boolean; readonly attempts: number }>;
  /** By quiz id: the latest attempt's score in [0, 1]. */
  readonly quizzes: ReadonlyMap<string, number>;
}

export interface Gradebook {
  readonly lessonCount: number;
  readonly exercises: readonly GradebookColumn[];
  readonly quizzes: readonly GradebookColumn[];
  readonly learners: readonly GradebookLearner[];
}

export function gradebookCsv(book: Gradebook): string {
  const header = [
    "Learner",
    "Email",
    `Lessons completed (of ${book.lessonCount})`,
    `Exercises solved (of ${book.exercises.length})`,
    ...book.exercises.map((e) => `Exercise: ${e.title}`),
    ...book.quizzes.map((q) => `Quiz: ${q.title} (%)`),
    "Last active (UTC)",
  ];
  const rows = book.learners.map((learner) => [
    learner.name,
    learner.email,
    String(learner.lessonsCompleted),
    String([...learner.exercises.values()].filter((e) => e.solved).length),
    ...book.exercises.map((e) => exerciseCell(learner.exercises.get(e.id))),
    ...book.quizzes.map((q) => {
      const score = learner.quizzes.get(q.id);
      return score === undefined ? "" : String(Math.round(score * 100));
    }),
    learner.lastActiveAt ? learner.lastActiveAt.toISOString() : "",
  ]);
  // CRLF line ends, as RFC 4180 and spreadsheet imports expect.
  return [header, ...rows].map((cells) => cells.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function exerciseCell(entry: { solved: boolean; attempts: number } | undefined): string {
  if (!entry || entry.attempts === 0) return "";
  const tries = `${entry.attempts} attempt${entry.attempts === 1 ? "" : "s"}`;
  return entry.solved ? `solved (${tries})` : `not yet (${tries})`;
}

/**
 * One field, quoted when it holds a comma, quote or line break. A field a spreadsheet would
 * read as a formula (a learner can name themselves "=HYPERLINK(...)") is prefixed with an
 * apostrophe so it stays text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
