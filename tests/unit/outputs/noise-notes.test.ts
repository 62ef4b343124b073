/**
 * A noisy run's output says so above its views, with the model in words and what the views
 * then show (averages over trajectories; readout error in the counts only), on real results.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { CellOutput } from "@/app/_components/outputs";
import { expectationCaption, noiseNotes } from "@/app/_components/outputs/cell-output-model";
import { mixedNote } from "@/app/_components/outputs/bloch-model";
import { compile } from "@/lib/quantum/compile";
import { describeNoise, formatProbability } from "@/lib/quantum/noise-summary";
import { simulate } from "@/lib/quantum/simulate";

const run = (pragmas: string, shots = 200) =>
  simulate(
    compile(
      `OPENQASM 3.0;\ninclude "stdgates.inc";\n${pragmas}\n#pragma expect Z0*Z1\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;`,
    ),
    { shots, seed: 3 },
  );

describe("the noise model in words", () => {
  it("formats probabilities as percentages without float noise", () => {
    expect(formatProbability(0.01)).toBe("1 %");
    expect(formatProbability(0.005)).toBe("0.5 %");
    expect(formatProbability(0.07)).toBe("7 %");
    expect(formatProbability(0.000125)).toBe("0.0125 %");
  });

  it("names every gate's channels, overrides and readout", () => {
    expect(
      describeNoise({
        gates: {
          "*": { depolarizing: 0.01, amplitude_damping: 0.005 },
          cx: { depolarizing: 0.02 },
        },
        readout: { "*": [0.02, 0.02], "3": [0.1, 0.05] },
      }),
    ).toBe(
      "depolarizing 1 % and amplitude damping 0.5 % after every gate; after cx instead: depolarizing 2 %; readout 2 %; readout of qubit 3: 10 % (0→1), 5 % (1→0)",
    );
    expect(describeNoise({ gates: { h: { phase_damping: 0.1 } } })).toBe(
      "after h: phase damping 10 %",
    );
  });
});

describe("what a noisy result says", () => {
  it("gate noise: averages over the shots' trajectories, no state vector", () => {
    const result = run("#pragma noise depolarizing 0.01\n#pragma noise readout 0.02");
    expect(noiseNotes(result)).toEqual({
      summary: "Noisy simulation: depolarizing 1 % after every gate; readout 2 %.",
      meaning:
        "Each shot is one noisy trajectory: probabilities, Bloch spheres and expectation values are averages over the 200 trajectories, so they are estimates of the noisy state, and there is no single state vector. Readout error flips recorded bits: it shows in the counts only.",
      explainsMissingState: true,
    });
    expect(expectationCaption(result)).toBe(
      "Expectation values (averages over 200 noisy trajectories)",
    );
    const html = renderToStaticMarkup(createElement(CellOutput, { result }));
    expect(html).toContain(
      '<p class="out-note out-noise" role="note"><strong>Noisy simulation: depolarizing 1 % after every gate; readout 2 %.</strong>',
    );
    // The line comes before the views it explains.
    expect(html.indexOf("Noisy simulation")).toBeLessThan(html.indexOf('role="tablist"'));
    expect(html).toContain("<caption>Expectation values (averages over 200 noisy trajectories)");
    expect(html).toContain("No state vector to show: the final state differs from shot to shot");
    // Said once, above the views: no second note below them repeats it.
    expect(html).not.toContain("Note: the final state differs");
  });

  it("readout error alone: the state is exact, only the counts change", () => {
    const result = run("#pragma noise readout 0.1");
    expect(result.statevector).not.toBeNull();
    expect(noiseNotes(result)?.meaning).toBe(
      "Readout error flips recorded bits only: the counts include it; the state, probabilities, Bloch spheres and expectation values are those before measurement.",
    );
    expect(expectationCaption(result)).toBe("Expectation values (before readout error)");
    expect(noiseNotes(result)?.explainsMissingState).toBe(false);
  });

  it("says nothing for a noiseless run", () => {
    const result = run("");
    expect(noiseNotes(result)).toBeNull();
    expect(expectationCaption(result)).toBeUndefined();
    expect(renderToStaticMarkup(createElement(CellOutput, { result }))).not.toContain("Noisy");
  });

  it("a mixed Bloch vector of a noisy run names noise as a reason", () => {
    expect(mixedNote({ x: 0, y: 0, z: 0.5 }, true, true)).toBe(
      "mixed: |r| = 0.50 — noise mixed this qubit's state (the vector averages the shots' trajectories), or it is entangled with others",
    );
  });
});
