import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { recordAttempt } from "@/db/queries/attempts";
import { activityDays, recordLessonVisit, saveCellCode } from "@/db/queries/progress";
import { createUser } from "@/db/queries/users";
import { cellCode, exerciseCompletions, lessonProgress } from "@/db/schema";

import { testDatabases } from "../../support/databases";

/**
 * The activity calendar on /me is one raw SQL query with a date parameter. A raw `sql` template
 * hands its parameters to the driver untouched, and postgres.js cannot serialise a Date there
 * (PGlite can), so this must pass on both.
 */
describe.each(testDatabases)("activity days on $name", (kind) => {
  let handle: DatabaseHandle;
  let userId: string;
  beforeAll(async () => {
    handle = await kind.create();
    const db = handle.db;
    userId = (await createUser(db, { email: "a@example.com", name: "A", passwordHash: "x" })).id;
    const otherId = (await createUser(db, { email: "b@example.com", name: "B", passwordHash: "x" }))
      .id;

    await recordLessonVisit(db, userId, "c", "l", 10);
    await saveCellCode(db, userId, "c", "l", [
      { cellId: "x", source: "h q;", editedAt: new Date() },
    ]);
    await recordAttempt(db, {
      userId,
      attemptKey: "k",
      courseId: "c",
      lessonId: "l",
      cellId: "ex",
      source: "h q;",
      passed: true,
      score: 1,
      feedback: {},
    });
    await recordLessonVisit(db, otherId, "c", "l", 10);
    // Move each activity to a known instant; the queries above stamp them with the server clock.
    const at = (iso: string) => new Date(iso);
    await db
      .update(lessonProgress)
      .set({ lastSeenAt: at("2026-01-02T10:00:00Z") })
      .where(eq(lessonProgress.userId, userId));
    await db
      .update(cellCode)
      .set({ savedAt: at("2026-01-03T23:30:00Z") })
      .where(eq(cellCode.userId, userId));
    await db
      .update(exerciseCompletions)
      .set({ solvedAt: at("2026-01-03T01:00:00Z") })
      .where(eq(exerciseCompletions.userId, userId));
    await db
      .update(lessonProgress)
      .set({ lastSeenAt: at("2026-01-05T10:00:00Z") })
      .where(eq(lessonProgress.userId, otherId));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("lists each UTC day with a visit, a saved cell or a solved exercise once, newest first", async () => {
    expect(await activityDays(handle.db, userId, new Date("2026-01-01T00:00:00Z"))).toEqual([
      "2026-01-03",
      "2026-01-02",
    ]);
  });

  it("leaves out activity before `since`, to the millisecond", async () => {
    expect(await activityDays(handle.db, userId, new Date("2026-01-02T10:00:00.001Z"))).toEqual([
      "2026-01-03",
    ]);
    expect(await activityDays(handle.db, userId, new Date("2026-01-03T23:30:00.001Z"))).toEqual([]);
  });
});
