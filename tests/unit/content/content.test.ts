import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadContent } from "@/lib/notebook/load-content";

/**
 * The shipped content must load: any broken lesson fails here with its file and line, long
 * before a learner could meet it.
 */
const library = loadContent(path.join(process.cwd(), "content"));

describe("content/", () => {
  it("loads and validates every course, lesson and skill", async () => {
    const { courses, lessons } = await library;
    expect(courses.length).toBeGreaterThan(0);
    for (const course of courses) {
      expect(course.lessons.length, course.id).toBeGreaterThan(0);
      for (const meta of course.lessons) {
        const lesson = lessons.get(`${course.id}/${meta.slug}`);
        expect(lesson, meta.file).toBeDefined();
        expect(lesson!.toc.length, `${meta.file} has no ## sections`).toBeGreaterThan(0);
      }
    }
  });

  it("every lesson has at least one runnable cell", async () => {
    const { lessons } = await library;
    for (const lesson of lessons.values()) {
      const cells = lesson.blocks.filter((b) => b.kind === "code");
      expect(cells.length, lesson.meta.file).toBeGreaterThan(0);
    }
  });
});
