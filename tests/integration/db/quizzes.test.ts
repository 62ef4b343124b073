import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import {
  findQuizAttempt,
  insertQuizAttempt,
  listDueReviews,
  listReviews,
  lockReviewState,
  saveReviewState,
} from "@/db/queries/quizzes";
import { createUser } from "@/db/queries/users";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("quiz attempts and review on $name", (kind) => {
  let handle: DatabaseHandle;
  let userId: string;
  beforeAll(async () => {
    handle = await kind.create();
    userId = (
      await createUser(handle.db, { email: "q@example.test", name: "Q", passwordHash: null })
    ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const attempt = (key: string) => ({
    userId,
    attemptKey: key,
    courseId: "c",
    lessonId: "l",
    quizId: "quiz",
    answers: { q1: "a" },
    results: { score: 0.5 },
    score: 0.5,
    passed: false,
  });

  it("stores the same submission once, even when it arrives twice at the same time", async () => {
    const results = await Promise.all([
      insertQuizAttempt(handle.db, attempt("double-click")),
      insertQuizAttempt(handle.db, attempt("double-click")),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await findQuizAttempt(handle.db, userId, "double-click")).toEqual({
      courseId: "c",
      lessonId: "l",
      quizId: "quiz",
      answers: { q1: "a" },
      results: { score: 0.5 },
    });
    expect(await findQuizAttempt(handle.db, userId, "never-sent")).toBeUndefined();
  });

  it("stores review boxes as given, and lists what is due", async () => {
    const now = new Date();
    const where = { userId, courseId: "c", lessonId: "l", questionId: "q1" };
    expect(await lockReviewState(handle.db, userId, "c", "q1")).toBeUndefined();
    await saveReviewState(handle.db, { ...where, box: 1, dueAt: now, reviewedAt: now });
    expect((await listDueReviews(handle.db, userId, now)).map((r) => r.questionId)).toEqual(["q1"]);
    const later = new Date(now.getTime() + 86_400_000);
    await saveReviewState(handle.db, { ...where, box: 2, dueAt: later, reviewedAt: now });
    expect(await listDueReviews(handle.db, userId, now)).toEqual([]);
    expect(await lockReviewState(handle.db, userId, "c", "q1")).toEqual({ box: 2, dueAt: later });
    expect((await listReviews(handle.db, userId)).map((r) => [r.questionId, r.box])).toEqual([
      ["q1", 2],
    ]);
  });
});
