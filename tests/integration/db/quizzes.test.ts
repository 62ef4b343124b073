import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { listDueReviews, listReviews, recordQuizAttempt, updateReview } from "@/db/queries/quizzes";
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

  const attempt = (key: string, outcomes: { questionId: string; correct: boolean }[]) => ({
    userId,
    attemptKey: key,
    courseId: "c",
    lessonId: "l",
    quizId: "quiz",
    answers: {},
    results: {},
    score: outcomes.filter((o) => o.correct).length / outcomes.length,
    passed: false,
    outcomes,
  });

  it("records the same submission once, even when it arrives twice at the same time", async () => {
    const input = attempt("double-click", [
      { questionId: "q1", correct: false },
      { questionId: "q2", correct: true },
    ]);
    const results = await Promise.all([
      recordQuizAttempt(handle.db, input),
      recordQuizAttempt(handle.db, input),
    ]);
    expect(results.map((r) => r.isNew).sort()).toEqual([false, true]);
    const reviews = await listReviews(handle.db, userId);
    expect(reviews.map((r) => [r.questionId, r.box])).toEqual([["q1", 1]]);
  });

  it("missed questions are due for review; answering right moves them up and out of today", async () => {
    const now = new Date();
    expect((await listDueReviews(handle.db, userId, now)).map((r) => r.questionId)).toEqual(["q1"]);
    await updateReview(handle.db, userId, "c", "l", "q1", true, now);
    expect(await listDueReviews(handle.db, userId, now)).toEqual([]);
    const [item] = await listReviews(handle.db, userId);
    expect(item.box).toBe(2);
    expect(item.dueAt.getTime()).toBeGreaterThan(now.getTime());
  });
});
