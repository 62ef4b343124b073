import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { countFailedAttempts, recordAttempt } from "@/db/queries/attempts";
import {
  addSkillEvidence,
  completeLesson,
  listCellCode,
  listSkillEvidence,
  recordLessonVisit,
  saveCellCode,
} from "@/db/queries/progress";
import { createUser, EmailTakenError, findUserByEmail } from "@/db/queries/users";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("learner progress on $name", (kind) => {
  let handle: DatabaseHandle;
  let userId: string;
  beforeAll(async () => {
    handle = await kind.create();
    userId = (
      await createUser(handle.db, { email: "Ada@Example.com", name: "Ada", passwordHash: "x" })
    ).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("stores emails normalised and refuses a second account with the same email", async () => {
    expect((await findUserByEmail(handle.db, " ada@example.COM "))?.id).toBe(userId);
    await expect(
      createUser(handle.db, { email: "ADA@example.com", name: "Other", passwordHash: "y" }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("keeps the newest edit of a cell whatever order concurrent saves arrive in", async () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ms));
    const saves = [5, 1, 9, 3, 7].map((ms) =>
      saveCellCode(handle.db, userId, "c", "l", [
        { cellId: "x", source: `edit ${ms}`, editedAt: at(ms) },
      ]),
    );
    await Promise.all(saves);
    await saveCellCode(handle.db, userId, "c", "l", [
      { cellId: "x", source: "stale retry", editedAt: at(2) },
    ]);
    const [cell] = await listCellCode(handle.db, userId, "c", "l");
    expect(cell.source).toBe("edit 9");
    expect(cell.editedAt.getTime()).toBe(at(9).getTime());
  });

  it("records an attempt once per key, even when the same submission arrives twice at once", async () => {
    const attempt = {
      userId,
      attemptKey: "key-1",
      courseId: "c",
      lessonId: "l",
      cellId: "ex",
      source: "h q;",
      passed: false,
      score: 0.5,
      feedback: { message: "no" },
    };
    const [a, b] = await Promise.all([
      recordAttempt(handle.db, attempt),
      recordAttempt(handle.db, attempt),
    ]);
    expect([a.isNew, b.isNew].sort()).toEqual([false, true]);
    expect(a.id).toBe(b.id);
    expect(await countFailedAttempts(handle.db, userId, "c", "ex")).toBe(1);
  });

  it("counts a pass once when two tabs pass the same exercise concurrently", async () => {
    const pass = (key: string) =>
      recordAttempt(handle.db, {
        userId,
        attemptKey: key,
        courseId: "c",
        lessonId: "l",
        cellId: "ex2",
        source: "x q;",
        passed: true,
        score: 1,
        feedback: {},
      });
    const results = await Promise.all([pass("tab-a"), pass("tab-b"), pass("tab-c")]);
    expect(results.filter((r) => r.firstSolve)).toHaveLength(1);
    expect(results.every((r) => r.isNew)).toBe(true);
  });

  it("completes a lesson once, adds reading time, and keeps the best evidence score", async () => {
    await recordLessonVisit(handle.db, userId, "c", "l", 60);
    await recordLessonVisit(handle.db, userId, "c", "l", 30);
    expect(await completeLesson(handle.db, userId, "c", "l")).toBe(true);
    expect(await completeLesson(handle.db, userId, "c", "l")).toBe(false);
    await addSkillEvidence(handle.db, userId, [
      { skillId: "vqe", kind: "quiz", ref: "c/q", score: 0.9 },
    ]);
    await addSkillEvidence(handle.db, userId, [
      { skillId: "vqe", kind: "quiz", ref: "c/q", score: 0.6 },
    ]);
    const evidence = await listSkillEvidence(handle.db, userId);
    expect(evidence.map((e) => [e.skillId, e.score])).toEqual([["vqe", expect.closeTo(0.9, 5)]]);
  });
});
