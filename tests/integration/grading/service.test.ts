import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";
import { addSkillEvidence } from "@/db/queries/progress";
import { listReviews } from "@/db/queries/quizzes";
import { createUser } from "@/db/queries/users";
import {
  exerciseAttempts,
  exerciseCompletions,
  quizAttempts,
  reviewAnswers,
  skillEvidence,
} from "@/db/schema";
import {
  AttemptKeyReusedError,
  GradingFailedError,
  GradingRefusedError,
  UnknownCheckError,
} from "@/lib/grading/errors";
import { ContentError } from "@/lib/notebook/content-error";

import { testDatabases } from "../../support/databases";
import { GRADING_COURSE as COURSE, writeGradingContent } from "../../support/grading-content";

// One worker (the machine is shared); content from a small fixture course with a broken check
// and a broken quiz file.
process.env.KETBOOK_SIM_WORKERS = "1";
process.env.KETBOOK_CONTENT_DIR = await writeGradingContent();
const { answerReview, checkExercise, submitQuiz } = await import("@/lib/grading/service");
const { toErrorResponse } = await import("@/lib/http/route-errors");
const { GET: getQuiz } = await import("@/app/api/quiz/route");

const ONE = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nx q[0];\n';
const ZERO = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nid q[0];\n';
const LESSON = "tiny-lesson";

let nextClient = 0;
/** A request from its own client address, so rate limits of one test never reach another. */
const request = () =>
  new Request("http://localhost/api/grade", {
    method: "POST",
    headers: stampedIdentityHeaders(`10.9.0.${++nextClient}`, "http"),
  });

let nextKey = 0;
const key = () => `attempt-key-${++nextKey}-${Date.now()}`;

/** An evidence writer that fails inside the transaction, after the attempt row was written. */
const failingEvidence = async () => {
  throw new Error("the evidence store is down");
};

describe.each(testDatabases)("grading service on $name", (kind) => {
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
        email: `learner${++nextUser}@example.test`,
        name: "L",
        passwordHash: null,
      })
    ).id;

  const rows = async (
    table: typeof exerciseAttempts | typeof exerciseCompletions | typeof skillEvidence,
    userId: string,
  ) =>
    Number(
      (await handle.db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0].n,
    );
  const quizRows = async (userId: string) =>
    Number(
      (
        await handle.db
          .select({ n: count() })
          .from(quizAttempts)
          .where(eq(quizAttempts.userId, userId))
      )[0].n,
    );
  const boxes = async (userId: string) =>
    Object.fromEntries((await listReviews(handle.db, userId)).map((r) => [r.questionId, r.box]));

  const exercise = (userId: string | undefined, source: string, attemptKey = key()) => ({
    courseId: COURSE,
    lessonId: LESSON,
    cellId: "make-one",
    source,
    attemptKey,
    request: request(),
    userId,
  });
  const quiz = (userId: string, answers: Record<string, string | boolean>, attemptKey = key()) => ({
    courseId: COURSE,
    lessonId: LESSON,
    answers,
    attemptKey,
    request: request(),
    userId,
  });
  const review = (userId: string, answer: string, attemptKey = key()) => ({
    courseId: COURSE,
    lessonId: LESSON,
    questionId: "pick",
    answer,
    attemptKey,
    request: request(),
    userId,
  });

  describe("exercises", () => {
    it("stores an attempt once per key: a retry gets the stored grade and writes nothing", async () => {
      const userId = await newUser();
      const attemptKey = key();
      const first = await checkExercise(handle.db, exercise(userId, ONE, attemptKey));
      expect(first.feedback.passed).toBe(true);
      expect(first.recorded).toBe(true);
      // The retry sends other code under the same key: it is answered from the stored attempt.
      const retry = await checkExercise(handle.db, exercise(userId, ZERO, attemptKey));
      expect(retry.recorded).toBe(false);
      expect(retry.feedback).toEqual(first.feedback);
      expect(await rows(exerciseAttempts, userId)).toBe(1);
      expect(await rows(exerciseCompletions, userId)).toBe(1);
      // basics, once: the exercise declares only it, not the lesson's measurement
      expect(await rows(skillEvidence, userId)).toBe(1);
    });

    it("counts a double submit once, even when both arrive at the same time", async () => {
      const userId = await newUser();
      const attemptKey = key();
      const both = await Promise.all([
        checkExercise(handle.db, exercise(userId, ZERO, attemptKey)),
        checkExercise(handle.db, exercise(userId, ZERO, attemptKey)),
      ]);
      expect(both.map((r) => r.recorded).sort()).toEqual([false, true]);
      expect(both.map((r) => r.failedAttempts)).toEqual([1, 1]);
      expect(await rows(exerciseAttempts, userId)).toBe(1);
    });

    it("adds skill evidence on the first solve only", async () => {
      const userId = await newUser();
      let evidenceWrites = 0;
      const deps = {
        now: () => new Date(),
        addSkillEvidence: (async (...args) => {
          evidenceWrites++;
          return addSkillEvidence(...args);
        }) as typeof addSkillEvidence,
      };
      const failed = await checkExercise(handle.db, exercise(userId, ZERO), deps);
      expect(failed.feedback.passed).toBe(false);
      expect(failed.failedAttempts).toBe(1);
      expect(failed.hints).toHaveLength(1);
      expect(evidenceWrites).toBe(0);
      await checkExercise(handle.db, exercise(userId, ONE), deps);
      expect(evidenceWrites).toBe(1);
      const again = await checkExercise(handle.db, exercise(userId, ONE), deps);
      expect(again.recorded).toBe(true);
      expect(evidenceWrites).toBe(1);
      expect(await rows(exerciseAttempts, userId)).toBe(3);
      expect(await rows(exerciseCompletions, userId)).toBe(1);
      const evidence = await handle.db
        .select({
          skillId: skillEvidence.skillId,
          kind: skillEvidence.kind,
          ref: skillEvidence.ref,
        })
        .from(skillEvidence)
        .where(eq(skillEvidence.userId, userId))
        .orderBy(skillEvidence.skillId);
      expect(evidence).toEqual([
        { skillId: "basics", kind: "exercise", ref: `${COURSE}/make-one` },
      ]);
    });

    it("stores nothing when the evidence cannot be written, and everything on the retry", async () => {
      const userId = await newUser();
      const attemptKey = key();
      await expect(
        checkExercise(handle.db, exercise(userId, ONE, attemptKey), {
          now: () => new Date(),
          addSkillEvidence: failingEvidence,
        }),
      ).rejects.toThrow("the evidence store is down");
      expect(await rows(exerciseAttempts, userId)).toBe(0);
      expect(await rows(exerciseCompletions, userId)).toBe(0);
      expect(await rows(skillEvidence, userId)).toBe(0);

      const retry = await checkExercise(handle.db, exercise(userId, ONE, attemptKey));
      expect(retry.recorded).toBe(true);
      expect(retry.solutionHtml).not.toBeNull(); // solved: the worked solution is shown
      expect(await rows(exerciseAttempts, userId)).toBe(1);
      expect(await rows(exerciseCompletions, userId)).toBe(1);
      expect(await rows(skillEvidence, userId)).toBe(1);
    });

    it("grades guests without storing anything; their failures unlock hints, not the solution", async () => {
      const before = await handle.db.select({ n: count() }).from(exerciseAttempts);
      const result = await checkExercise(handle.db, {
        ...exercise(undefined, ZERO),
        guestFailedAttempts: 4,
      });
      expect(result).toMatchObject({ recorded: false, signedIn: false, failedAttempts: 5 });
      expect(result.hints).toHaveLength(2);
      expect(result.solutionHtml).toBeNull();
      const after = await handle.db.select({ n: count() }).from(exerciseAttempts);
      expect(Number(after[0].n)).toBe(Number(before[0].n));
    });

    it("refuses an attempt key already used for another exercise", async () => {
      const userId = await newUser();
      const attemptKey = key();
      await checkExercise(handle.db, exercise(userId, ONE, attemptKey));
      await expect(
        checkExercise(handle.db, { ...exercise(userId, ONE, attemptKey), cellId: "broken-check" }),
      ).rejects.toBeInstanceOf(AttemptKeyReusedError);
    });

    it("reports an unknown exercise as such", async () => {
      await expect(
        checkExercise(handle.db, { ...exercise(undefined, ONE), cellId: "no-such-cell" }),
      ).rejects.toBeInstanceOf(UnknownCheckError);
    });

    it("answers a failure on our side (a broken check) with 500 and stores nothing", async () => {
      const userId = await newUser();
      const error = await checkExercise(handle.db, {
        ...exercise(userId, ONE),
        cellId: "broken-check",
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GradingFailedError);
      const response = silently(() => toErrorResponse(error));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: { message: "Something went wrong on our side. Please try again." },
      });
      expect(await rows(exerciseAttempts, userId)).toBe(0);
    });
  });

  describe("quizzes", () => {
    it("stores a submission once per key and moves the review boxes once", async () => {
      const userId = await newUser();
      const attemptKey = key();
      const first = await submitQuiz(
        handle.db,
        quiz(userId, { pick: "a", flip: true }, attemptKey),
      );
      expect(first).toMatchObject({ recorded: true, signedIn: true });
      expect(first.result.passed).toBe(false);
      expect(first.explanations.map((e) => [e.id, e.correct])).toEqual([
        ["pick", false],
        ["flip", true],
      ]);
      expect(first.explanations[0].href).toBe(`/learn/${COURSE}/tiny#the-born-rule`);
      // After submission the learner sees what they chose and what was right, by option text.
      expect(first.explanations[0]).toMatchObject({
        yourAnswerHtml: "<p>A</p>",
        rightAnswerHtml: "<p>B</p>",
        explanationHtml: "<p>Because b.</p>",
      });
      expect(first.explanations[1]).toMatchObject({
        yourAnswerHtml: "<p>True</p>",
        rightAnswerHtml: "<p>True</p>",
      });
      const retry = await submitQuiz(
        handle.db,
        quiz(userId, { pick: "b", flip: true }, attemptKey),
      );
      expect(retry.recorded).toBe(false);
      expect(retry.result).toEqual(first.result);
      // A resent key shows the answers that were graded, not the ones sent again.
      expect(retry.explanations[0].yourAnswerHtml).toBe("<p>A</p>");
      expect(await quizRows(userId)).toBe(1);
      expect(await boxes(userId)).toEqual({ pick: 1 });
      expect(await rows(skillEvidence, userId)).toBe(0);
    });

    it("adds quiz evidence on a pass, in the same transaction as the attempt", async () => {
      const userId = await newUser();
      const attemptKey = key();
      await submitQuiz(handle.db, quiz(userId, { pick: "a", flip: true })); // pick enters review
      await expect(
        submitQuiz(handle.db, quiz(userId, { pick: "b", flip: true }, attemptKey), {
          now: () => new Date(),
          addSkillEvidence: failingEvidence,
        }),
      ).rejects.toThrow("the evidence store is down");
      expect(await quizRows(userId)).toBe(1);
      expect(await boxes(userId)).toEqual({ pick: 1 }); // not moved up by the failed submission
      expect(await rows(skillEvidence, userId)).toBe(0);

      const retry = await submitQuiz(
        handle.db,
        quiz(userId, { pick: "b", flip: true }, attemptKey),
      );
      expect(retry.recorded).toBe(true);
      expect(retry.result.passed).toBe(true);
      expect(await quizRows(userId)).toBe(2);
      expect(await boxes(userId)).toEqual({ pick: 2 });
      expect(await rows(skillEvidence, userId)).toBe(1); // measurement, the quiz's one skill
    });

    it("answers a failure on our side with 500, as exercises do", async () => {
      const userId = await newUser();
      const error = await submitQuiz(handle.db, {
        ...quiz(userId, { circuit: ONE }),
        lessonId: "faulty-lesson",
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GradingFailedError);
      expect(silently(() => toErrorResponse(error)).status).toBe(500);
      expect(await quizRows(userId)).toBe(0);
    });

    it("fails loudly on a broken quiz file instead of grading as if there were no quiz", async () => {
      const userId = await newUser();
      await expect(
        submitQuiz(handle.db, { ...quiz(userId, { x: "a" }), lessonId: "broken-lesson" }),
      ).rejects.toBeInstanceOf(ContentError);
      await expect(
        submitQuiz(handle.db, { ...quiz(userId, { x: "a" }), lessonId: "plain-lesson" }),
      ).rejects.toThrow(`lesson ${COURSE}/plain-lesson has no quiz`);
    });
  });

  describe("review answers", () => {
    it("moves a question's box once per attempt key", async () => {
      const userId = await newUser();
      await submitQuiz(handle.db, quiz(userId, { pick: "a", flip: true }));
      expect(await boxes(userId)).toEqual({ pick: 1 });

      const attemptKey = key();
      const first = await answerReview(handle.db, review(userId, "b", attemptKey));
      expect(first).toMatchObject({ correct: true, recorded: true });
      expect(await boxes(userId)).toEqual({ pick: 2 });
      // A double submit, then a retry: the box stays where the first answer put it.
      const again = await Promise.all([
        answerReview(handle.db, review(userId, "b", attemptKey)),
        answerReview(handle.db, review(userId, "a", attemptKey)),
      ]);
      expect(again.map((r) => [r.correct, r.recorded])).toEqual([
        [true, false],
        [true, false],
      ]);
      expect(again[1].result).toEqual(first.result);
      expect(await boxes(userId)).toEqual({ pick: 2 });

      await answerReview(handle.db, review(userId, "b")); // a new answer moves it again
      expect(await boxes(userId)).toEqual({ pick: 3 });
      await answerReview(handle.db, review(userId, "a"));
      expect(await boxes(userId)).toEqual({ pick: 1 });
      const stored = await handle.db
        .select({ n: count() })
        .from(reviewAnswers)
        .where(eq(reviewAnswers.userId, userId));
      expect(Number(stored[0].n)).toBe(3);
    });

    it("answers two concurrent first submissions of one key with one box move", async () => {
      const userId = await newUser();
      await submitQuiz(handle.db, quiz(userId, { pick: "a", flip: true }));
      const attemptKey = key();
      const both = await Promise.all([
        answerReview(handle.db, review(userId, "b", attemptKey)),
        answerReview(handle.db, review(userId, "b", attemptKey)),
      ]);
      expect(both.map((r) => r.recorded).sort()).toEqual([false, true]);
      expect(await boxes(userId)).toEqual({ pick: 2 });
    });

    it("refuses a key already used for another question", async () => {
      const userId = await newUser();
      const attemptKey = key();
      await answerReview(handle.db, review(userId, "b", attemptKey));
      await expect(
        answerReview(handle.db, { ...review(userId, "b", attemptKey), questionId: "flip" }),
      ).rejects.toBeInstanceOf(AttemptKeyReusedError);
    });
  });
});

/** Runs `work` with console.error silenced (the edge logs what it answers with 500). */
function silently<T>(work: () => T): T {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return work();
  } finally {
    spy.mockRestore();
  }
}

describe("the error edge for grading", () => {
  it("answers a refused input with 422, located or naming the limit", async () => {
    let response = toErrorResponse(
      new GradingRefusedError({ code: "limit", limit: "maxQubits", message: "too many qubits" }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({
      code: "limit",
      limit: "maxQubits",
      message: "too many qubits",
    });
    response = toErrorResponse(
      new GradingRefusedError({ code: "code", line: 3, column: 1, message: "unknown gate" }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ line: 3, column: 1 });
  });

  it("answers a reused attempt key with 409 and an unknown check with 400", () => {
    expect(toErrorResponse(new AttemptKeyReusedError()).status).toBe(409);
    expect(toErrorResponse(new UnknownCheckError("no exercise x")).status).toBe(400);
  });
});

describe("GET /api/quiz with a broken quiz file", () => {
  const get = (lessonId: string) =>
    getQuiz(new Request(`http://localhost/api/quiz?courseId=${COURSE}&lessonId=${lessonId}`));

  it("answers 500 and logs the file and line, never 'no quiz'", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await get("broken-lesson");
      expect(response.status).toBe(500);
      expect((await response.json()).error.message).not.toMatch(/no quiz/);
      const logged = spy.mock.calls.flat().map(String).join("\n");
      expect(logged).toMatch(/courses\/tiny\/03-broken\.quiz\.yaml:\d+/);
    } finally {
      spy.mockRestore();
    }
  });

  it("still answers 400 for a lesson that has no quiz, and serves a working one", async () => {
    const none = await get("plain-lesson");
    expect(none.status).toBe(400);
    expect((await none.json()).error.message).toBe(`lesson ${COURSE}/plain-lesson has no quiz`);
    const ok = await get(LESSON);
    expect(ok.status).toBe(200);
    expect((await ok.json()).questions.map((q: { id: string }) => q.id)).toEqual(["pick", "flip"]);
  });
});
