import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  LessonCellError,
  runLessonCell,
  UnknownCellError,
  type LessonCellRun,
} from "@/lib/notebook/run-lesson-cell";
import type { ExperimentProgress } from "@/lib/qml/experiments/result";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

const LESSON = readFileSync(path.join(process.cwd(), "tests/fixtures/lessons/cells.md"), "utf8");

/** 1-based line of the first line of `text` that starts with `start`. */
function lineOf(text: string, start: string): number {
  const index = text.split("\n").findIndex((line) => line.startsWith(start));
  if (index < 0) throw new Error(`no line starting with ${start}`);
  return index + 1;
}

function failure(text: string, cellId: string): unknown {
  try {
    runLessonCell(text, cellId, { seed: 1 });
  } catch (error) {
    return error;
  }
  throw new Error("expected the cell to fail");
}

/** The parts of a run that do not depend on how long it took. */
function timeless(run: LessonCellRun): unknown {
  return JSON.parse(JSON.stringify(run.result), (key, value: unknown) =>
    key === "elapsedMs" ? undefined : value,
  );
}

describe("runLessonCell", () => {
  it("runs a circuit cell with the page's 1024 shots and the seed given", () => {
    const run = runLessonCell(LESSON, "bell-pair", { seed: 7 });
    expect(run.kind).toBe("circuit");
    if (run.kind !== "circuit") return;
    expect(run.result.shots).toBe(1024);
    expect(run.result.seed).toBe(7);
    const counts = run.result.counts!;
    expect(Object.keys(counts).sort()).toEqual(["00", "11"]);
    expect(counts["00"] + counts["11"]).toBe(1024);
  });

  it("binds a slider's input to its @range default, as the page does before the learner moves it", () => {
    const run = runLessonCell(LESSON, "tilt", { seed: 2 });
    if (run.kind !== "circuit") throw new Error("expected a circuit run");
    expect(run.params).toEqual({ theta: Math.PI / 3 });
    expect(run.result.expectations[0].value).toBeCloseTo(0.5, 12);
    const source = run.cell.source;
    const direct = simulate(compile(source, { params: { theta: Math.PI / 3 } }), {
      shots: 1024,
      seed: 2,
    });
    expect(run.result.probabilities).toEqual(direct.probabilities);
  });

  it("runs an experiment cell: one history entry per grid point, metrics, progress reports", () => {
    const progress: ExperimentProgress[] = [];
    const run = runLessonCell(LESSON, "cos-scan", { onProgress: (p) => progress.push(p) });
    if (run.kind !== "experiment") throw new Error("expected an experiment run");
    const { history, metrics, seed } = run.result;
    expect(seed).toBe(3); // the spec's seed when none is given
    expect(history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5]);
    history.forEach((h, i) => {
      // 400 shots: the estimate of cos θ is within a few standard deviations (≤ 0.05).
      expect(Math.abs(h.value! - Math.cos((i * Math.PI) / 4))).toBeLessThan(0.2);
      expect(h.shots).toBe(400 * (i + 1));
    });
    expect(metrics.points).toBe(5);
    expect(progress.length).toBeGreaterThan(0);
  });

  it("is deterministic for a seed, and the seed reaches the experiment", () => {
    const a = runLessonCell(LESSON, "cos-scan", { seed: 11 });
    const b = runLessonCell(LESSON, "cos-scan", { seed: 11 });
    const c = runLessonCell(LESSON, "cos-scan", { seed: 12 });
    expect(a.result.seed).toBe(11);
    expect(timeless(b)).toEqual(timeless(a));
    expect(timeless(c)).not.toEqual(timeless(a));
  });

  it("locates a circuit cell's mistake at its line in the lesson file", () => {
    const broken = LESSON.replace("ry(theta) q[0];\n#pragma", "ry(theta) qq[0];\n#pragma");
    const error = failure(broken, "tilt");
    expect(error).toBeInstanceOf(LessonCellError);
    expect(error).toMatchObject({
      line: lineOf(broken, "ry(theta) qq[0];"),
      column: 11,
      message: expect.stringMatching(/unknown register `qq`/),
    });
  });

  it("locates an experiment's spec mistakes and circuit mistakes in the lesson file", () => {
    const badSpec = LESSON.replace("shots: 400", "shots: -4");
    expect(failure(badSpec, "cos-scan")).toMatchObject({
      line: lineOf(badSpec, "shots: -4"),
      column: 8,
    });
    const badCircuit = LESSON.replace("ry(theta) q[0];\n```", "ry(theta) q[7];\n```");
    expect(failure(badCircuit, "cos-scan")).toMatchObject({
      line: lineOf(badCircuit, "ry(theta) q[7];"),
      column: 13,
      message: expect.stringMatching(/q\[7\] is out of range/),
    });
  });

  it("names the lesson's cells when asked for one it does not have", () => {
    const error = failure(LESSON, "bell");
    expect(error).toBeInstanceOf(UnknownCellError);
    expect((error as UnknownCellError).available).toEqual(["bell-pair", "tilt", "cos-scan"]);
    expect((error as Error).message).toBe(
      'no cell "bell" in this lesson; its cells are: bell-pair, tilt, cos-scan',
    );
    expect((failure("# No cells\n", "x") as Error).message).toMatch(
      /has no qasm or experiment cells/,
    );
  });
});
