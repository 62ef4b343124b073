import { describe, expect, it } from "vitest";

import {
  availableTabs,
  capNotes,
  defaultTab,
  errorText,
  LISTED_LIMIT,
  nextTab,
  statusLine,
} from "@/app/_components/outputs/cell-output-model";
import { compile } from "@/lib/quantum/compile";
import type { SimulationResult } from "@/lib/quantum/result";
import { MAX_LISTED, simulate } from "@/lib/quantum/simulate";

const run = (body: string, shots = 256) =>
  simulate(compile(`OPENQASM 3.0;\ninclude "stdgates.inc";\n${body}`), { seed: 11, shots });

describe("which view opens first", () => {
  it("opens the histogram for measured counts", () => {
    expect(defaultTab(run("qubit[2] q;\nbit[2] c;\nh q[0];\nc = measure q;\n"))).toBe("histogram");
  });

  it("opens the state when nothing is measured", () => {
    expect(defaultTab(run("qubit[2] q;\nh q[0];\n"))).toBe("state");
  });

  it("falls back to the histogram of probabilities when the state depends on the shot", () => {
    const result = run("qubit[1] q;\nh q[0];\nreset q[0];\nh q[0];\n");
    expect(result.statevector).toBeNull();
    expect(result.counts).toBeNull();
    expect(defaultTab(result)).toBe("histogram");
  });

  it("offers the circuit tab only with a layout", () => {
    const result = run("qubit[1] q;\nh q[0];\n");
    expect(availableTabs(result, false)).toEqual(["histogram", "state", "bloch"]);
    expect(availableTabs(result, true)).toEqual(["histogram", "state", "bloch", "circuit"]);
  });
});

describe("nextTab", () => {
  const tabs = ["histogram", "state", "bloch"] as const;
  it("moves with the arrow keys, wrapping, and jumps with Home and End", () => {
    expect(nextTab(tabs, "histogram", "ArrowRight")).toBe("state");
    expect(nextTab(tabs, "bloch", "ArrowRight")).toBe("histogram");
    expect(nextTab(tabs, "histogram", "ArrowLeft")).toBe("bloch");
    expect(nextTab(tabs, "state", "Home")).toBe("histogram");
    expect(nextTab(tabs, "state", "End")).toBe("bloch");
    expect(nextTab(tabs, "state", "Enter")).toBeNull();
    expect(nextTab(tabs, "circuit", "ArrowRight")).toBeNull();
  });
});

describe("status and notes", () => {
  it("states shots, seed and time", () => {
    const result = run("qubit[1] q;\nbit[1] c;\nh q[0];\nc[0] = measure q[0];\n");
    expect(statusLine({ ...result, elapsedMs: 3.2109 })).toBe("256 shots · seed 11 · 3.21 ms");
    const perShot = run("qubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\nx q[0];\n", 1);
    expect(statusLine({ ...perShot, elapsedMs: 1500 })).toBe(
      "1 shot · seed 11 · 1.50 s · each shot simulated separately",
    );
  });

  it("notes a histogram that folds outcomes into 'others'", () => {
    const result = run(
      "qubit[6] q;\nbit[6] c;\nfor int i in [0:5] { h q[i]; }\nc = measure q;\n",
      2000,
    );
    const outcomes = Object.keys(result.counts!).length;
    expect(outcomes).toBeGreaterThan(17);
    expect(capNotes(result)).toEqual([
      `Large results are capped: the histogram shows the 16 most likely of ${outcomes} outcomes and sums the rest as "others".`,
    ]);
    expect(capNotes(run("qubit[2] q;\nh q[0];\n"))).toEqual([]);
  });

  it("notes a state too large to list", () => {
    const small = run("qubit[1] q;\nx q[0];\n");
    const large: SimulationResult = { ...small, numQubits: 17, statevector: null };
    expect(capNotes(large)).toEqual([
      "Large results are capped: a 17-qubit state has 2^17 amplitudes, more than the 65,536 a result lists, so the state table is not shown.",
    ]);
  });

  it("uses the simulator's listing limit", () => {
    expect(LISTED_LIMIT).toBe(MAX_LISTED);
  });
});

describe("errorText", () => {
  it("puts the location first, as the editor shows it", () => {
    expect(errorText({ message: "unknown gate `hh`", line: 3, column: 5 })).toBe(
      "Line 3, column 5: unknown gate `hh`",
    );
    expect(errorText({ message: "boom", line: 2 })).toBe("Line 2: boom");
    expect(errorText({ message: "queue full" })).toBe("queue full");
  });
});
