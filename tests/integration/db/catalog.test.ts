import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { listCatalog, listLessonRows, syncFileCourses } from "@/db/queries/catalog";
import type { Course, LessonMeta } from "@/lib/notebook/types";

import { testDatabases } from "../../support/databases";

function lesson(id: string, position: number): LessonMeta {
  return {
    id,
    slug: id,
    courseId: "demo",
    position,
    title: `Lesson ${id}`,
    summary: "s",
    minutes: 10 + position,
    skills: ["linear-algebra"],
    objectives: ["o"],
    file: `courses/demo/0${position}-${id}.md`,
  };
}

const course = (lessons: LessonMeta[], title = "Demo"): Course => ({
  id: "demo",
  title,
  summary: "A demo course",
  level: "beginner",
  lessons,
});

describe.each(testDatabases)("catalog sync on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("inserts courses and lessons in order", async () => {
    await syncFileCourses(handle.db, [course([lesson("a", 1), lesson("b", 2)])]);
    const rows = await listLessonRows(handle.db, "demo");
    expect(rows.map((r) => [r.id, r.position, r.minutes])).toEqual([
      ["a", 1, 11],
      ["b", 2, 12],
    ]);
    expect((await listCatalog(handle.db)).map((c) => c.title)).toEqual(["Demo"]);
  });

  it("is idempotent and follows edits: renamed titles, reordering, removed lessons", async () => {
    await syncFileCourses(handle.db, [course([lesson("b", 1), lesson("c", 2)], "Demo v2")]);
    await syncFileCourses(handle.db, [course([lesson("b", 1), lesson("c", 2)], "Demo v2")]);
    const rows = await listLessonRows(handle.db, "demo");
    expect(rows.map((r) => [r.id, r.position])).toEqual([
      ["b", 1],
      ["c", 2],
    ]);
    const catalog = await listCatalog(handle.db);
    expect(catalog).toHaveLength(1);
    expect(catalog[0].title).toBe("Demo v2");
  });

  it("runs migrations again without error (start-up is safe to repeat)", async () => {
    const { runMigrations } = await import("@/db/migrate");
    await expect(runMigrations(handle)).resolves.toBeUndefined();
  });
});
