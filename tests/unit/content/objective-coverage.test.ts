import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { loadLessonChecks } from "@/lib/grading/load-checks";
import { loadContent } from "@/lib/notebook/load-content";
import { parseYaml } from "@/lib/notebook/yaml-file";

/**
 * Every objective a lesson states is exercised by at least one of its cells or exercises, as
 * recorded in objectives.yaml. The map must follow the lessons: an objective added, reworded
 * beyond its opening words, reordered or removed, or a cell renamed, fails here until the map
 * says again what practises it.
 */
const CONTENT = path.join(process.cwd(), "content");
const COURSE_DIR = "qml-foundations";
const MAP_FILE = path.join("courses", COURSE_DIR, "objectives.yaml");

const entrySchema = z
  .object({
    objective: z.string().min(1),
    exercisedBy: z.array(z.string().min(1)),
    partly: z.string().min(1).optional(),
  })
  .strict();
const mapSchema = z.record(z.string(), z.array(entrySchema));

const coverage = parseYaml(readFileSync(path.join(CONTENT, MAP_FILE), "utf8"), MAP_FILE, mapSchema);
const library = await loadContent(CONTENT);
const lessons = [...library.lessons.values()]
  .filter((lesson) => lesson.meta.file.startsWith(path.join("courses", COURSE_DIR) + path.sep))
  .map((lesson) => ({ lesson, stem: path.basename(lesson.meta.file, ".md") }));

describe("objective coverage", () => {
  it("maps exactly the course's lessons, no more and no fewer", () => {
    expect(lessons.length).toBeGreaterThan(0);
    expect(Object.keys(coverage).sort()).toEqual(lessons.map((l) => l.stem).sort());
  });

  describe.each(lessons.map(({ lesson, stem }) => [stem, lesson] as const))("%s", (stem, lesson) => {
    const entries = coverage[stem] ?? [];
    const cellIds = new Set(lesson.blocks.flatMap((b) => (b.kind === "code" ? [b.id] : [])));

    it("has one entry per objective, in the lesson's order, each naming its objective", () => {
      expect(entries.map((e) => e.objective)).toHaveLength(lesson.meta.objectives.length);
      lesson.meta.objectives.forEach((objective, i) => {
        expect(objective, `entry ${i + 1} of ${stem}`).toMatch(new RegExp(`^${escape(entries[i].objective)}`));
      });
    });

    it("exercises every objective with at least one cell or exercise of the lesson", async () => {
      const { exercises } = await loadLessonChecks(CONTENT, COURSE_DIR, stem, { library });
      const exerciseIds = new Set(exercises.map((e) => e.cell));
      for (const entry of entries) {
        expect(entry.exercisedBy, `"${entry.objective}…" is exercised by nothing`).not.toHaveLength(0);
        const unknown = entry.exercisedBy.filter((id) => !cellIds.has(id) && !exerciseIds.has(id));
        expect(unknown, `"${entry.objective}…" names ids ${stem} does not have`).toEqual([]);
      }
    });

    it("ties every exercise to an objective", async () => {
      const { exercises } = await loadLessonChecks(CONTENT, COURSE_DIR, stem, { library });
      const mapped = new Set(entries.flatMap((e) => e.exercisedBy));
      expect(exercises.map((e) => e.cell).filter((id) => !mapped.has(id))).toEqual([]);
    });
  });
});

/** The objective's opening words as a literal pattern. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
