import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { listCellCode } from "@/db/queries/progress";
import { listReviews } from "@/db/queries/quizzes";
import { createUser } from "@/db/queries/users";
import {
  exerciseAttempts,
  exerciseCompletions,
  lessonProgress,
  quizAttempts,
  skillEvidence,
} from "@/db/schema";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";

import { testDatabases } from "../../support/databases";
import { GRADING_COURSE as COURSE, writeGradingContent } from "../../support/grading-content";

// One worker (the machine is shared); a small fixture course: `tiny-lesson` has the exercise
// `make-one` (prepare |1>) and a quiz (`pick` answer b, `flip` true, pass mark 100%).
process.env.KETBOOK_SIM_WORKERS = "1";
process.env.KETBOOK_CONTENT_DIR = await writeGradingContent();
const { mergeGuestWork } = await import("@/lib/progress/merge-guest-work");
const { loadCompletedLessons, loadLessonState } = await import("@/lib/progress/load-progress");

const ONE = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nx q[0];\n';
const ZERO = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nid q[0];\n';
const LESSON = "tiny-lesson";

let nextClient = 0;
/** A request from its own client address, so rate limits of one test never reach another. */
const request = () =>
  new Request("http://localhost/api/progress/merge", {
    method: "POST",
    headers: stampedIdentityHeaders(`10.8.0.${++nextClient}`, "http"),
  });

let nextKey = 0;
const key = (what: string) => `${what}-${++nextKey}-${Date.now()}`;

/**
 * What a guest did: code in one cell, the lesson marked complete (and one that no longer
 * exists), the exercise solved, a quiz missed and then passed, and a solve of an exercise that
 * no longer exists.
 */
function guestWork(source = ONE) {
  const lesson = { courseId: COURSE, lessonId: LESSON };
  return {
    cells: [{ ...lesson, cells: [{ cellId: "demo", source: "h q[0]; // guest", editedAt: 1000 }] }],
    lessons: [lesson, { courseId: COURSE, lessonId: "no-such-lesson" }],
    exercises: [
      { ...lesson, cellId: "make-one", source, attemptKey: key("solve") },
      { ...lesson, cellId: "removed-exercise", source: ONE, attemptKey: key("gone") },
    ],
    quizzes: [
      { ...lesson, attemptKey: key("quiz"), answers: { pick: "a", flip: true } },
      { ...lesson, attemptKey: key("quiz"), answers: { pick: "b", flip: true } },
    ],
  };
}

describe.each(testDatabases)("merging a guest's work on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle); // rate limits count in the process's database
  });
  afterAll(async () => {
    await handle?.close();
  });

  let nextUser = 0;
  const newUser = async () =>
    (
      await createUser(handle.db, {
        email: `merger${++nextUser}@example.test`,
        name: "M",
        passwordHash: null,
      })
    ).id;

  const rowsOf = async (
    table:
      | typeof exerciseAttempts
      | typeof exerciseCompletions
      | typeof quizAttempts
      | typeof skillEvidence,
    userId: string,
  ) =>
    Number(
      (await handle.db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0].n,
    );
  const snapshot = async (userId: string) => ({
    attempts: await rowsOf(exerciseAttempts, userId),
    solved: await rowsOf(exerciseCompletions, userId),
    quizzes: await rowsOf(quizAttempts, userId),
    evidence: await rowsOf(skillEvidence, userId),
    review: (await listReviews(handle.db, userId)).map((r) => [r.questionId, r.box]),
  });

  it("grades everything again, stores it as the learner's own, and says what it merged", async () => {
    const userId = await newUser();
    const work = guestWork();
    const report = await mergeGuestWork(handle.db, { request: request(), userId }, work);

    expect(report).toEqual({
      cells: 1,
      lessons: 1,
      solvedExercises: 1,
      // The removed exercise is dropped, not counted as solved.
      unsolvedExercises: 1,
      quizResults: 2,
      reviewQuestions: 1,
      settled: {
        exercises: work.exercises.map((e) => e.attemptKey),
        quizzes: work.quizzes.map((q) => q.attemptKey),
      },
      failed: 0,
    });
    expect(await snapshot(userId)).toEqual({
      attempts: 1, // the removed exercise's is not stored
      solved: 1,
      quizzes: 2,
      // basics and measurement from reading the lesson, basics from the exercise and
      // measurement from the passed quiz (each declares its own skills)
      evidence: 4,
      // Missed first, then right: box 1, moved up to box 2.
      review: [["pick", 2]],
    });
    expect(await listCellCode(handle.db, userId, COURSE, LESSON)).toEqual([
      { cellId: "demo", source: "h q[0]; // guest", editedAt: new Date(1000) },
    ]);

    // The pages read the same progress back.
    const state = await loadLessonState(handle.db, userId, COURSE, LESSON);
    expect(state.completedAt).not.toBeNull();
    expect(Object.keys(state.solved)).toEqual(["make-one"]);
    expect(state.lastQuiz).toMatchObject({ correctCount: 2, total: 2, score: 1, passed: true });
    expect(await loadCompletedLessons(handle.db, userId)).toEqual({ [COURSE]: [LESSON] });
  });

  it("a retry of the same merge counts nothing twice", async () => {
    const userId = await newUser();
    const work = guestWork();
    await mergeGuestWork(handle.db, { request: request(), userId }, work);
    const before = await snapshot(userId);
    const completedAt = (await loadLessonState(handle.db, userId, COURSE, LESSON)).completedAt;

    const again = await mergeGuestWork(handle.db, { request: request(), userId }, work);
    // The same things are in the account (the stored grades answer the retry)...
    expect(again).toMatchObject({ solvedExercises: 1, quizResults: 2, reviewQuestions: 1 });
    // ...and no row moved: the second quiz attempt did not push `pick` up another box.
    expect(await snapshot(userId)).toEqual(before);
    expect((await loadLessonState(handle.db, userId, COURSE, LESSON)).completedAt).toBe(
      completedAt,
    );
  });

  it("two tabs merging at once store each attempt once", async () => {
    const userId = await newUser();
    const work = guestWork();
    const both = await Promise.all([
      mergeGuestWork(handle.db, { request: request(), userId }, work),
      mergeGuestWork(handle.db, { request: request(), userId }, work),
    ]);
    expect(both.map((r) => r.solvedExercises)).toEqual([1, 1]);
    expect(await snapshot(userId)).toEqual({
      attempts: 1,
      solved: 1,
      quizzes: 2,
      evidence: 4,
      review: [["pick", 2]],
    });
    const completed = await handle.db
      .select({ n: count() })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.status, "completed")));
    expect(Number(completed[0].n)).toBe(1);
  });

  it("believes no result from the browser: a forged solve is graded again and not counted", async () => {
    const userId = await newUser();
    // The browser's storage says "solved", but the code prepares |0>, not |1>.
    const report = await mergeGuestWork(
      handle.db,
      { request: request(), userId },
      { ...guestWork(ZERO), quizzes: [], lessons: [] },
    );
    expect(report).toMatchObject({ solvedExercises: 0, unsolvedExercises: 2, failed: 0 });
    expect(await snapshot(userId)).toMatchObject({ attempts: 1, solved: 0, evidence: 0 });
  });

  it("keeps an item the grader could not grade for a later try, and merges the rest", async () => {
    const userId = await newUser();
    const lesson = { courseId: COURSE, lessonId: LESSON };
    // The fixture's `broken-check` fails on the server's side every time (a broken check).
    const broken = { ...lesson, cellId: "broken-check", source: ONE, attemptKey: key("broken") };
    const work = { ...guestWork(), exercises: [broken, ...guestWork().exercises] };
    const report = await mergeGuestWork(handle.db, { request: request(), userId }, work);
    expect(report).toMatchObject({ solvedExercises: 1, failed: 1 });
    expect(report.settled.exercises).not.toContain(broken.attemptKey);
    expect(report.settled.exercises).toHaveLength(2);
  });

  it("keeps the account's newer code and merges into the asker's account only", async () => {
    const userId = await newUser();
    const bystander = await newUser();
    const newer = { cellId: "demo", source: "x q[0]; // account", editedAt: new Date(5000) };
    const { saveCellCode } = await import("@/db/queries/progress");
    await saveCellCode(handle.db, userId, COURSE, LESSON, [newer]);
    await mergeGuestWork(handle.db, { request: request(), userId }, guestWork());
    expect(await listCellCode(handle.db, userId, COURSE, LESSON)).toEqual([newer]);
    expect(await snapshot(bystander)).toEqual({
      attempts: 0,
      solved: 0,
      quizzes: 0,
      evidence: 0,
      review: [],
    });
  });
});
