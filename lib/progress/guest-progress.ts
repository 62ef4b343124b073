/**
 * A guest's progress, kept in this browser's storage until they make an account: lessons marked
 * complete, exercises solved (with the passing submission and its attempt key, so the server can
 * grade it again on merge rather than believe it) and quiz attempts (with the answers, for the
 * same reason). Each item is its own key, so two tabs never overwrite each other's work.
 * Pure: it takes the Storage, so it is tested without a browser.
 */
import type { CompletedLessons, LessonState, QuizScore } from "./lesson-state";

export const GUEST_PROGRESS_PREFIX = "ketbook:progress:guest:";
/** Attempts kept per quiz: enough to replay how the guest did, bounded in storage. */
export const GUEST_QUIZ_ATTEMPTS_KEPT = 5;

const lessonKey = (courseId: string, lessonId: string) =>
  `${GUEST_PROGRESS_PREFIX}lesson:${courseId}/${lessonId}`;
const exerciseKey = (courseId: string, lessonId: string, cellId: string) =>
  `${GUEST_PROGRESS_PREFIX}exercise:${courseId}/${lessonId}#${cellId}`;
const quizKey = (courseId: string, lessonId: string) =>
  `${GUEST_PROGRESS_PREFIX}quiz:${courseId}/${lessonId}`;

const KEY_PATTERN =
  /^ketbook:progress:guest:(lesson|exercise|quiz):([a-z0-9-]+)\/([a-z0-9-]+)(?:#([a-z0-9-]+))?$/;

export interface GuestSolve {
  readonly source: string;
  readonly attemptKey: string;
  readonly solvedAt: number;
}

export type QuizAnswerValue = string | number | boolean | string[];

export interface GuestQuizAttempt {
  readonly attemptKey: string;
  readonly answers: Readonly<Record<string, QuizAnswerValue>>;
  readonly takenAt: number;
  readonly correctCount: number;
  readonly total: number;
  readonly score: number;
  readonly passed: boolean;
}

function read<T>(storage: Storage, key: string, valid: (value: T) => boolean): T | undefined {
  try {
    const value = JSON.parse(storage.getItem(key) ?? "null") as T | null;
    return value !== null && valid(value) ? value : undefined;
  } catch {
    return undefined; // a corrupt entry is ignored, never fatal
  }
}

const isCompletion = (v: { completedAt?: unknown }) =>
  typeof v.completedAt === "number" && v.completedAt > 0;
const isSolve = (v: Partial<GuestSolve>) =>
  typeof v.source === "string" && typeof v.attemptKey === "string" && (v.solvedAt ?? 0) > 0;
const isAttempt = (v: Partial<GuestQuizAttempt>) =>
  typeof v.attemptKey === "string" &&
  typeof v.answers === "object" &&
  v.answers !== null &&
  (v.takenAt ?? 0) > 0 &&
  typeof v.correctCount === "number" &&
  typeof v.total === "number";
const readAttempts = (storage: Storage, key: string): GuestQuizAttempt[] =>
  (
    read<{ attempts: GuestQuizAttempt[] }>(storage, key, (v) => Array.isArray(v.attempts))
      ?.attempts ?? []
  ).filter(isAttempt);

export function saveGuestCompletion(
  storage: Storage,
  courseId: string,
  lessonId: string,
  at: number,
): void {
  // The first completion is the one kept, as for accounts.
  if (read<{ completedAt: number }>(storage, lessonKey(courseId, lessonId), isCompletion)) return;
  storage.setItem(lessonKey(courseId, lessonId), JSON.stringify({ completedAt: at }));
}

/** Keeps the first passing submission of an exercise: that is when it was solved. */
export function saveGuestSolve(
  storage: Storage,
  where: { courseId: string; lessonId: string; cellId: string },
  solve: GuestSolve,
): void {
  const key = exerciseKey(where.courseId, where.lessonId, where.cellId);
  if (read<GuestSolve>(storage, key, isSolve)) return;
  storage.setItem(key, JSON.stringify(solve));
}

/** Adds a quiz attempt, keeping the latest few; the same attempt key is stored once. */
export function saveGuestQuizAttempt(
  storage: Storage,
  courseId: string,
  lessonId: string,
  attempt: GuestQuizAttempt,
): void {
  const key = quizKey(courseId, lessonId);
  const attempts = readAttempts(storage, key).filter((a) => a.attemptKey !== attempt.attemptKey);
  attempts.push(attempt);
  attempts.sort((a, b) => a.takenAt - b.takenAt);
  storage.setItem(key, JSON.stringify({ attempts: attempts.slice(-GUEST_QUIZ_ATTEMPTS_KEPT) }));
}

const iso = (ms: number) => new Date(ms).toISOString();

function scoreOf(attempt: GuestQuizAttempt): QuizScore {
  const { correctCount, total, score, passed, takenAt } = attempt;
  return { correctCount, total, score, passed, takenAt: iso(takenAt) };
}

/** What the lesson page shows a guest, from this browser's storage. */
export function guestLessonState(
  storage: Storage,
  courseId: string,
  lessonId: string,
): LessonState {
  const completion = read<{ completedAt: number }>(
    storage,
    lessonKey(courseId, lessonId),
    isCompletion,
  );
  const solved = new Map<string, string>();
  const prefix = exerciseKey(courseId, lessonId, "");
  for (const key of keys(storage)) {
    if (!key.startsWith(prefix)) continue;
    const solve = read<GuestSolve>(storage, key, isSolve);
    if (solve) solved.set(key.slice(prefix.length), iso(solve.solvedAt));
  }
  const attempts = readAttempts(storage, quizKey(courseId, lessonId));
  return {
    completedAt: completion ? iso(completion.completedAt) : null,
    // fromEntries defines own properties, so even a cell id like `__proto__` is kept as data.
    solved: Object.fromEntries(solved),
    lastQuiz: attempts.length > 0 ? scoreOf(attempts[attempts.length - 1]) : null,
  };
}

export function guestCompletedLessons(storage: Storage): CompletedLessons {
  const byCourse = new Map<string, string[]>();
  for (const key of keys(storage)) {
    const match = KEY_PATTERN.exec(key);
    if (match?.[1] !== "lesson" || !read<{ completedAt: number }>(storage, key, isCompletion))
      continue;
    byCourse.set(match[2], [...(byCourse.get(match[2]) ?? []), match[3]]);
  }
  return Object.fromEntries(byCourse);
}

function keys(storage: Storage): string[] {
  const all: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(GUEST_PROGRESS_PREFIX)) all.push(key);
  }
  return all;
}

/** Everything a guest did besides code, as the merge request sends it, with its storage keys. */
export interface GuestProgress {
  readonly lessons: { courseId: string; lessonId: string; key: string }[];
  readonly exercises: {
    courseId: string;
    lessonId: string;
    cellId: string;
    source: string;
    attemptKey: string;
    key: string;
  }[];
  readonly quizzes: {
    courseId: string;
    lessonId: string;
    attemptKey: string;
    answers: Readonly<Record<string, QuizAnswerValue>>;
    takenAt: number;
    key: string;
  }[];
}

export function collectGuestProgress(storage: Storage): GuestProgress {
  const found: GuestProgress = { lessons: [], exercises: [], quizzes: [] };
  for (const key of keys(storage)) {
    const match = KEY_PATTERN.exec(key);
    if (!match) continue;
    const [, kind, courseId, lessonId, cellId] = match;
    if (kind === "lesson" && !cellId && read<{ completedAt: number }>(storage, key, isCompletion)) {
      found.lessons.push({ courseId, lessonId, key });
    } else if (kind === "exercise" && cellId) {
      const solve = read<GuestSolve>(storage, key, isSolve);
      if (solve)
        found.exercises.push({
          courseId,
          lessonId,
          cellId,
          source: solve.source,
          attemptKey: solve.attemptKey,
          key,
        });
    } else if (kind === "quiz" && !cellId) {
      for (const a of readAttempts(storage, key)) {
        found.quizzes.push({
          courseId,
          lessonId,
          attemptKey: a.attemptKey,
          answers: a.answers,
          takenAt: a.takenAt,
          key,
        });
      }
    }
  }
  // Oldest first: the account replays the guest's attempts in the order they were made.
  found.quizzes.sort((a, b) => a.takenAt - b.takenAt);
  return found;
}

/**
 * Forgets what the account now holds. A quiz key holds several attempts: only the merged ones
 * go, so an attempt that could not be merged yet stays for the next try.
 */
export function forgetMergedProgress(
  storage: Storage,
  progress: GuestProgress,
  merged: { exercises: readonly string[]; quizzes: readonly string[]; lessons: boolean },
): void {
  if (merged.lessons) for (const lesson of progress.lessons) storage.removeItem(lesson.key);
  const exercises = new Set(merged.exercises);
  for (const e of progress.exercises) if (exercises.has(e.attemptKey)) storage.removeItem(e.key);
  const quizzes = new Set(merged.quizzes);
  for (const key of new Set(progress.quizzes.map((q) => q.key))) {
    const left = readAttempts(storage, key).filter((a) => !quizzes.has(a.attemptKey));
    if (left.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ attempts: left }));
  }
}
