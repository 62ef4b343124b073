import { describe, expect, it } from "vitest";

import { circuitCell, experimentCell } from "../../../support/course-cells";

/** The numbers the hybrid-workflows lesson's prose states, from its cells and its arithmetic. */
const STEM = "11-hybrid-workflows";

/** Gradient descent on cos θ from θ0 = 1 with η = 0.5: the lesson's table, computed. */
function tableRows(steps: number): { theta: number; loss: number }[] {
  const rows = [];
  let theta = 1.0;
  for (let k = 0; k <= steps; k++) {
    rows.push({ theta, loss: Math.cos(theta) });
    theta -= 0.5 * -Math.sin(theta);
  }
  return rows;
}

describe(`${STEM}: the numbers the prose states`, () => {
  it("shot noise: about 326 ones in 1024 shots at θ = 1.2, give or take about 15", () => {
    const p = Math.sin(0.6) ** 2;
    expect(1024 * p).toBeCloseTo(326, 0);
    const sigma = Math.sqrt(1024 * p * (1 - p));
    expect(sigma).toBeCloseTo(15, 0);
    const result = circuitCell(STEM, "hybrid-shot-noise");
    expect(result.shots).toBe(1024);
    expect(Math.abs(result.counts!["1"] - 1024 * p)).toBeLessThan(4 * sigma);
  });

  it("the parameter-shift reading at θ = 1 is cos 1 ≈ 0.540; the shifted ones ±0.841", () => {
    expect(circuitCell(STEM, "hybrid-parameter-shift").expectations[0].value).toBeCloseTo(
      Math.cos(1),
      10,
    );
    expect(Math.cos(1 + Math.PI / 2)).toBeCloseTo(-0.841, 3);
    expect(Math.cos(1 - Math.PI / 2)).toBeCloseTo(0.841, 3);
  });

  it("the by-hand table", () => {
    const rows = tableRows(6);
    expect(rows.map((r) => Number(r.theta.toFixed(4)))).toEqual([
      1.0, 1.4207, 1.9151, 2.3858, 2.7287, 2.9293, 3.0347,
    ]);
    expect(rows.map((r) => Number(r.loss.toFixed(4)))).toEqual([
      0.5403, 0.1495, -0.3376, -0.7277, -0.916, -0.9776, -0.9943,
    ]);
  });

  describe("the traced loop with 1000 shots", () => {
    const result = experimentCell(STEM, "hybrid-loop-trace");

    it("each step runs 3 circuits of 1000 shots; six steps and a final estimate make 19 and 19,000", () => {
      result.history.forEach((entry, i) => {
        expect(entry).toMatchObject({ step: i + 1, circuits: 3 * (i + 1), shots: 3000 * (i + 1) });
      });
      expect(result.history).toHaveLength(6);
      expect(6 * 3 + 1).toBe(19);
      expect(result.trace).toContain("In all: 19 circuit executions and 19000 shots.");
    });

    it("a single estimate's standard error at L ≈ 0.54 is about 0.027", () => {
      expect(Math.sqrt((1 - 0.54 ** 2) / 1000)).toBeCloseTo(0.027, 3);
    });

    it("the estimated losses follow the table within shot noise and end near −1", () => {
      const rows = tableRows(5);
      result.history.forEach((entry, i) => {
        // four standard errors of one estimate, plus the drift noisy gradients add to θ
        expect(Math.abs(entry.loss! - rows[i].loss)).toBeLessThan(0.12);
      });
      expect(result.history[0].loss).toBeCloseTo(0.54, 1);
      expect(result.metrics.value).toBeLessThan(-0.95);
    });
  });
});
