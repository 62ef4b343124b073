import { describe, expect, it } from "vitest";

import {
  collectGuestProgress,
  forgetMergedProgress,
  GUEST_QUIZ_ATTEMPTS_KEPT,
  guestCompletedLessons,
  guestLessonState,
  saveGuestCompletion,
  saveGuestQuizAttempt,
  saveGuestSolve,
} from "@/lib/progress/guest-progress";
import { completedIn, solvedAt } from "@/lib/progress/lesson-state";

/** The Web Storage interface over a Map: Node has no localStorage, and this is its contract. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const DAY1 = Date.UTC(2026, 11, 1, 10);
const DAY2 = Date.UTC(2026, 11, 2, 10);
const where = { courseId: "course-a", lessonId: "lesson-1", cellId: "ex-1" };
const attempt = (attemptKey: string, takenAt: number, correctCount: number) => ({
  attemptKey,
  answers: { q1: "b", q2: true },
  takenAt,
  correctCount,
  total: 2,
  score: correctCount / 2,
  passed: correctCount === 2,
});

describe("a guest's progress in browser storage", () => {
  it("shows a lesson as the guest left it: completion, solved exercises, last quiz score", () => {
    const storage = new MemoryStorage();
    expect(guestLessonState(storage, "course-a", "lesson-1")).toEqual({
      completedAt: null,
      solved: {},
      lastQuiz: null,
    });
    saveGuestCompletion(storage, "course-a", "lesson-1", DAY1);
    saveGuestSolve(storage, where, {
      source: "x q[0];",
      attemptKey: "key-solve-1",
      solvedAt: DAY1,
    });
    saveGuestQuizAttempt(storage, "course-a", "lesson-1", attempt("quiz-key-1", DAY1, 1));
    saveGuestQuizAttempt(storage, "course-a", "lesson-1", attempt("quiz-key-2", DAY2, 2));

    expect(guestLessonState(storage, "course-a", "lesson-1")).toEqual({
      completedAt: new Date(DAY1).toISOString(),
      solved: { "ex-1": new Date(DAY1).toISOString() },
      lastQuiz: {
        correctCount: 2,
        total: 2,
        score: 1,
        passed: true,
        takenAt: new Date(DAY2).toISOString(),
      },
    });
    // Another lesson of the same course is untouched.
    expect(guestLessonState(storage, "course-a", "lesson-2").completedAt).toBeNull();
  });

  it("keeps the first completion and the first passing submission", () => {
    const storage = new MemoryStorage();
    saveGuestCompletion(storage, "course-a", "lesson-1", DAY1);
    saveGuestCompletion(storage, "course-a", "lesson-1", DAY2);
    saveGuestSolve(storage, where, { source: "first", attemptKey: "key-solve-1", solvedAt: DAY1 });
    saveGuestSolve(storage, where, { source: "second", attemptKey: "key-solve-2", solvedAt: DAY2 });
    const state = guestLessonState(storage, "course-a", "lesson-1");
    expect(state.completedAt).toBe(new Date(DAY1).toISOString());
    expect(collectGuestProgress(storage).exercises).toEqual([
      expect.objectContaining({ source: "first", attemptKey: "key-solve-1" }),
    ]);
  });

  it("keeps the latest few quiz attempts, each attempt key once", () => {
    const storage = new MemoryStorage();
    for (let i = 0; i < GUEST_QUIZ_ATTEMPTS_KEPT + 3; i++)
      saveGuestQuizAttempt(storage, "course-a", "lesson-1", attempt(`quiz-key-${i}`, DAY1 + i, 1));
    // A double submit of the last attempt is stored once.
    saveGuestQuizAttempt(
      storage,
      "course-a",
      "lesson-1",
      attempt(`quiz-key-${GUEST_QUIZ_ATTEMPTS_KEPT + 2}`, DAY1 + 99, 1),
    );
    const keys = collectGuestProgress(storage).quizzes.map((q) => q.attemptKey);
    expect(keys).toHaveLength(GUEST_QUIZ_ATTEMPTS_KEPT);
    expect(new Set(keys).size).toBe(GUEST_QUIZ_ATTEMPTS_KEPT);
    expect(keys[0]).toBe("quiz-key-3");
  });

  it("lists completed lessons by course, ignoring corrupt and foreign entries", () => {
    const storage = new MemoryStorage();
    saveGuestCompletion(storage, "course-a", "lesson-1", DAY1);
    saveGuestCompletion(storage, "course-a", "lesson-3", DAY1);
    saveGuestCompletion(storage, "course-b", "intro", DAY1);
    storage.setItem("ketbook:progress:guest:lesson:course-b/broken", "{not json");
    storage.setItem("ketbook:progress:guest:lesson:course-b/zero", '{"completedAt":0}');
    storage.setItem("ketbook:cell:guest:course-b/other#cell", '{"source":"x","updatedAt":1}');
    const completed = guestCompletedLessons(storage);
    expect(
      Object.fromEntries(Object.entries(completed).map(([c, ids]) => [c, [...ids].sort()])),
    ).toEqual({ "course-a": ["lesson-1", "lesson-3"], "course-b": ["intro"] });
  });

  it("collects everything for a merge, quiz attempts oldest first", () => {
    const storage = new MemoryStorage();
    saveGuestCompletion(storage, "course-a", "lesson-1", DAY1);
    saveGuestSolve(storage, where, {
      source: "x q[0];",
      attemptKey: "key-solve-1",
      solvedAt: DAY1,
    });
    saveGuestQuizAttempt(storage, "course-a", "lesson-2", attempt("late", DAY2, 2));
    saveGuestQuizAttempt(storage, "course-a", "lesson-1", attempt("early", DAY1, 1));
    const found = collectGuestProgress(storage);
    expect(found.lessons.map(({ courseId, lessonId }) => ({ courseId, lessonId }))).toEqual([
      { courseId: "course-a", lessonId: "lesson-1" },
    ]);
    expect(found.exercises).toEqual([
      {
        ...where,
        source: "x q[0];",
        attemptKey: "key-solve-1",
        key: "ketbook:progress:guest:exercise:course-a/lesson-1#ex-1",
      },
    ]);
    expect(found.quizzes.map((q) => [q.lessonId, q.attemptKey, q.answers])).toEqual([
      ["lesson-1", "early", { q1: "b", q2: true }],
      ["lesson-2", "late", { q1: "b", q2: true }],
    ]);
  });

  it("after a merge forgets what the account holds and keeps what was not merged", () => {
    const storage = new MemoryStorage();
    saveGuestCompletion(storage, "course-a", "lesson-1", DAY1);
    saveGuestSolve(storage, where, { source: "x", attemptKey: "solve-merged", solvedAt: DAY1 });
    saveGuestSolve(
      storage,
      { ...where, cellId: "ex-2" },
      { source: "y", attemptKey: "solve-kept", solvedAt: DAY1 },
    );
    saveGuestQuizAttempt(storage, "course-a", "lesson-1", attempt("quiz-merged", DAY1, 1));
    saveGuestQuizAttempt(storage, "course-a", "lesson-1", attempt("quiz-kept", DAY2, 2));
    const found = collectGuestProgress(storage);
    forgetMergedProgress(storage, found, {
      exercises: ["solve-merged"],
      quizzes: ["quiz-merged"],
      lessons: true,
    });
    const left = collectGuestProgress(storage);
    expect(left.lessons).toEqual([]);
    expect(left.exercises.map((e) => e.attemptKey)).toEqual(["solve-kept"]);
    expect(left.quizzes.map((q) => q.attemptKey)).toEqual(["quiz-kept"]);

    forgetMergedProgress(storage, left, {
      exercises: ["solve-kept"],
      quizzes: ["quiz-kept"],
      lessons: true,
    });
    expect(storage.length).toBe(0);
  });
});

describe("ids that are also names on Object.prototype", () => {
  it("are ordinary ids: nothing is solved or completed until the learner does it", () => {
    const storage = new MemoryStorage();
    const empty = guestLessonState(storage, "toString", "constructor");
    expect(solvedAt(empty, "toString")).toBeUndefined();
    expect(solvedAt(empty, "constructor")).toBeUndefined();
    expect(completedIn(guestCompletedLessons(storage), "hasOwnProperty")).toEqual([]);

    saveGuestSolve(
      storage,
      { courseId: "toString", lessonId: "constructor", cellId: "__proto__" },
      { source: "OPENQASM 3.0;", attemptKey: "a", solvedAt: DAY1 },
    );
    saveGuestCompletion(storage, "constructor", "lesson-1", DAY2);
    const state = guestLessonState(storage, "toString", "constructor");
    expect(solvedAt(state, "__proto__")).toBe(new Date(DAY1).toISOString());
    expect(solvedAt(state, "valueOf")).toBeUndefined();
    const completed = guestCompletedLessons(storage);
    expect(completedIn(completed, "constructor")).toEqual(["lesson-1"]);
    expect(completedIn(completed, "toString")).toEqual([]);
  });
});
