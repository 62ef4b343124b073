import { describe, expect, it } from "vitest";

import {
  initialNotebook,
  nextCellId,
  notebookReducer,
  savedPart,
  type CellOutput,
} from "@/lib/notebook/cell-state";

const start = () =>
  initialNotebook([
    { id: "a", source: "h q[0];" },
    { id: "b", source: "x q[0];" },
  ]);
const errorOutput: CellOutput = {
  kind: "error",
  error: { code: "code", message: "boom", line: 1, column: 1 },
};

describe("notebook reducer", () => {
  it("edits keep the original source for Reset", () => {
    let state = notebookReducer(start(), { type: "edit", id: "a", source: "z q[0];", now: 5 });
    expect(state.cells.a.source).toBe("z q[0];");
    expect(state.cells.a.updatedAt).toBe(5);
    state = notebookReducer(state, { type: "reset", id: "a", now: 6 });
    expect(state.cells.a.source).toBe("h q[0];");
    expect(state.cells.a.output).toBeUndefined();
  });

  it("numbers runs like Jupyter: each finished run takes the next execution count", () => {
    let state = notebookReducer(start(), { type: "run-started", id: "b", now: 1 });
    expect(state.cells.b.status).toBe("running");
    state = notebookReducer(state, { type: "run-finished", id: "b", output: errorOutput, now: 2 });
    state = notebookReducer(state, { type: "run-started", id: "a", now: 3 });
    state = notebookReducer(state, { type: "run-finished", id: "a", output: errorOutput, now: 4 });
    expect([
      state.cells.b.executionCount,
      state.cells.a.executionCount,
      state.executionCounter,
    ]).toEqual([1, 2, 2]);
    expect(state.cells.a.status).toBe("idle");
  });

  it("a cancelled run leaves the previous output and count alone", () => {
    let state = notebookReducer(start(), { type: "run-started", id: "a", now: 1 });
    state = notebookReducer(state, { type: "run-finished", id: "a", output: errorOutput, now: 2 });
    state = notebookReducer(state, { type: "run-started", id: "a", now: 3 });
    state = notebookReducer(state, { type: "run-cancelled", id: "a" });
    expect(state.cells.a.status).toBe("idle");
    expect(state.cells.a.output).toEqual(errorOutput);
    expect(state.cells.a.executionCount).toBe(1);
  });

  it("restoring a saved cell never replaces newer work on screen", () => {
    let state = notebookReducer(start(), { type: "edit", id: "a", source: "newer", now: 100 });
    const older = { ...savedPart(state.cells.a), source: "older", updatedAt: 50 };
    expect(notebookReducer(state, { type: "restore", id: "a", saved: older }).cells.a.source).toBe(
      "newer",
    );
    const newer = {
      ...savedPart(state.cells.a),
      source: "from another tab",
      updatedAt: 200,
      executionCount: 7,
    };
    state = notebookReducer(state, { type: "restore", id: "a", saved: newer });
    expect(state.cells.a.source).toBe("from another tab");
    expect(state.executionCounter).toBe(7);
  });

  it("parameters, shots and seed are saved with the cell", () => {
    let state = notebookReducer(start(), {
      type: "set-param",
      id: "a",
      name: "theta",
      value: 1.5,
      now: 1,
    });
    state = notebookReducer(state, { type: "set-shots", id: "a", shots: 200, now: 2 });
    state = notebookReducer(state, { type: "set-seed", id: "a", seed: 42, now: 3 });
    expect(savedPart(state.cells.a)).toMatchObject({
      params: { theta: 1.5 },
      shots: 200,
      seed: 42,
      updatedAt: 3,
    });
  });

  it("finds the next cell for Shift+Enter", () => {
    expect(nextCellId(start(), "a")).toBe("b");
    expect(nextCellId(start(), "b")).toBeUndefined();
  });
});
