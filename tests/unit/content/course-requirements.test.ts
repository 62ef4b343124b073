import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadLessonChecks } from "@/lib/grading/load-checks";
import { scanCellInputs } from "@/lib/notebook/cell-inputs";
import { loadContent } from "@/lib/notebook/load-content";
import { runExperiment } from "@/lib/qml/experiments/run";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

/**
 * Every lesson of the shipped course meets the course standard, and every cell runs: a lesson
 * cannot silently break when the engine or the content changes.
 */
const CONTENT = path.join(process.cwd(), "content");

/** The ids of the course's first fifteen lessons, which learners' progress refers to. */
const ORIGINAL_LESSON_IDS = [
  "qubits-and-the-bloch-sphere",
  "superposition-and-interference",
  "entanglement-and-teleportation",
  "gates-and-circuits",
  "what-is-qml",
  "data-encoding",
  "quantum-neural-networks",
  "quantum-kernels-and-qsvms",
  "variational-quantum-eigensolver-h2",
  "qaoa-maxcut-and-portfolios",
  "hybrid-quantum-classical-workflows",
  "noise-decoherence-error-correction",
  "applications-and-the-road-ahead",
  "getting-started-with-the-tools",
  "faq-and-glossary",
];
const libraryPromise = loadContent(CONTENT);

describe("the course", async () => {
  const library = await libraryPromise;
  const lessons = [...library.lessons.values()];

  it.each(lessons.map((l) => [l.meta.file, l] as const))("%s has the parts of a lesson", async (_file, lesson) => {
    const cells = lesson.blocks.filter((b) => b.kind === "code");
    const [, dir, file] = lesson.meta.file.split(path.sep);
    const checks = await loadLessonChecks(CONTENT, dir, file.replace(/\.md$/, ""), { library });
    expect(lesson.meta.objectives.length).toBeGreaterThanOrEqual(2);
    expect(lesson.meta.minutes).toBeGreaterThanOrEqual(10);
    expect(lesson.meta.minutes).toBeLessThanOrEqual(20);
    expect(lesson.meta.skills.length).toBeGreaterThan(0);
    expect(cells.filter((c) => !c.exercise).length, "runnable cells").toBeGreaterThanOrEqual(2);
    expect(cells.filter((c) => c.exercise).length, "exercises").toBeGreaterThanOrEqual(1);
    expect(checks.quiz?.questions.length ?? 0, "quiz questions").toBeGreaterThanOrEqual(5);
  });

  it.each(
    lessons.flatMap((l) =>
      l.blocks.flatMap((b) =>
        b.kind === "code" ? [[`${l.meta.file} #${b.id}`, b.source, b.language] as const] : [],
      ),
    ),
  )("cell %s compiles and runs", (_name, source, language) => {
    if (language === "experiment") {
      const result = runExperiment(source);
      expect(result.history.length).toBeGreaterThan(0);
      expect(Object.values(result.metrics).every(Number.isFinite)).toBe(true);
      return;
    }
    const params = Object.fromEntries(scanCellInputs(source).map((i) => [i.name, i.defaultValue]));
    const result = simulate(compile(source, { params }), { shots: 256, seed: 1 });
    expect(result.numQubits).toBeGreaterThan(0);
    expect(Object.values(result.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  }, 60_000);

  it("has at least 16 lessons with unique ids, and every original lesson id is still there", () => {
    const course = library.courses.find((c) => c.id === "qml-foundations");
    const ids = course!.lessons.map((l) => l.id);
    expect(ids.length).toBeGreaterThanOrEqual(16);
    expect(new Set(ids).size).toBe(ids.length);
    // Progress is stored by lesson id: re-ordering the course must never rename a lesson.
    expect(ids).toEqual(expect.arrayContaining(ORIGINAL_LESSON_IDS));
  });

  it("orders lessons so each comes after what it builds on", () => {
    const course = library.courses.find((c) => c.id === "qml-foundations");
    const at = (id: string) => course!.lessons.findIndex((l) => l.id === id);
    const before = (first: string, then: string) => expect(at(first), `${first} before ${then}`).toBeLessThan(at(then));
    before("entanglement-and-teleportation", "chsh-game");
    before("gates-and-circuits", "qft-phase-estimation");
    before("qft-phase-estimation", "applications-and-the-road-ahead");
    before("hybrid-quantum-classical-workflows", "quantum-neural-networks");
    before("density-matrices", "noise-decoherence-error-correction");
    before("noise-decoherence-error-correction", "variational-quantum-eigensolver-h2");
    before("noise-decoherence-error-correction", "qaoa-maxcut-and-portfolios");
  });

  it("teaches every skill of the roadmap, and every lesson maps to skills", () => {
    const taught = new Set(lessons.flatMap((l) => l.meta.skills));
    const untaught = library.skills.filter((s) => !taught.has(s.id)).map((s) => s.id);
    expect(untaught).toEqual([]);
  });
});
