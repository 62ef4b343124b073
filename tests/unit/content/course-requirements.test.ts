import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadLessonChecks } from "@/lib/grading/load-checks";
import { loadContent } from "@/lib/notebook/load-content";
import { runLessonCell } from "@/lib/notebook/run-lesson-cell";
import { parseExperiment } from "@/lib/qml/experiments/spec";

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

  // Exactly what `npm run sim -- --lesson FILE --cell ID` and the page run: slider defaults,
  // the page's shots, the experiment runner of the page's worker.
  it.each(
    lessons.flatMap((l) =>
      l.blocks.flatMap((b) => (b.kind === "code" ? [[`${l.meta.file} #${b.id}`, l.meta.file, b.id] as const] : [])),
    ),
  )("cell %s runs through --lesson --cell", (_name, file, cellId) => {
    const run = runLessonCell(readFileSync(path.join(CONTENT, file), "utf8"), cellId, { seed: 1 });
    if (run.kind === "experiment") {
      expect(run.result.history.length).toBeGreaterThan(0);
      expect(Object.values(run.result.metrics).every(Number.isFinite)).toBe(true);
      return;
    }
    expect(run.result.numQubits).toBeGreaterThan(0);
    expect(Object.values(run.result.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  }, 60_000);

  it("practises machine learning: at least 8 experiment cells, most of them reducing a loss or an energy", () => {
    const kinds = lessons.flatMap((l) =>
      l.blocks.flatMap((b) => (b.kind === "code" && b.language === "experiment" ? [parseExperiment(b.source).spec.experiment] : [])),
    );
    const reducing = kinds.filter((kind) => kind === "train" || kind === "minimise");
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    expect(reducing.length).toBeGreaterThan(kinds.length / 2);
  });

  it("grades exercises of at least four kinds across the course", async () => {
    const kinds = new Set<string>();
    for (const lesson of lessons) {
      const [, dir, file] = lesson.meta.file.split(path.sep);
      const checks = await loadLessonChecks(CONTENT, dir, file.replace(/\.md$/, ""), { library });
      for (const exercise of checks.exercises) kinds.add(exercise.check.kind);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    // The practice kinds, not only "match this state": held-out accuracy, energy, ratio, gradient.
    expect([...kinds]).toEqual(expect.arrayContaining(["accuracy", "energy", "ratio", "gradient"]));
  });

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
