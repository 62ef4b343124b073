import { describe, expect, it } from "vitest";
import {
  lossFunction,
  meanLoss,
  PROBABILITY_CLIP,
  signedLabels,
  type LossKind,
} from "@/lib/qml/losses";

const kinds: LossKind[] = ["square", "hinge", "cross-entropy"];

describe("loss values", () => {
  it("match their definitions at hand-picked points", () => {
    const square = lossFunction("square");
    expect(square.value(1, 0.5)).toBe(0.25);
    expect(square.value(-1, 0.5)).toBe(2.25);
    const hinge = lossFunction("hinge");
    expect(hinge.value(-1, 0.5)).toBe(1.5);
    expect(hinge.value(1, 1)).toBe(0);
    expect(hinge.value(1, -0.2)).toBeCloseTo(1.2, 15);
    const ce = lossFunction("cross-entropy");
    expect(ce.value(1, 0)).toBeCloseTo(Math.LN2, 15); // p = 1/2
    expect(ce.value(-1, 0.6)).toBeCloseTo(-Math.log(0.2), 14); // p = 0.8, so P(y = −1) = 0.2
    expect(ce.value(1, 0.6)).toBeCloseTo(-Math.log(0.8), 14);
  });

  it("are smallest when the output agrees with the label", () => {
    for (const kind of kinds) {
      const loss = lossFunction(kind);
      expect(loss.value(1, 0.9)).toBeLessThan(loss.value(1, -0.9));
      expect(loss.value(-1, -0.9)).toBeLessThan(loss.value(-1, 0.9));
    }
  });

  it("cross-entropy is clipped: a certain wrong answer costs −ln ε, not infinity", () => {
    const ce = lossFunction("cross-entropy");
    expect(ce.value(1, -1)).toBeCloseTo(-Math.log(PROBABILITY_CLIP), 6);
    expect(ce.value(-1, 1)).toBeCloseTo(-Math.log(PROBABILITY_CLIP), 6);
    expect(ce.value(1, 1)).toBeCloseTo(-Math.log(1 - PROBABILITY_CLIP), 12);
    expect(Number.isFinite(ce.derivative(1, -1))).toBe(true);
    // Still pushing the wrong prediction back (upwards for y = +1).
    expect(ce.derivative(1, -1)).toBeLessThan(-1e5);
  });

  it("reject labels other than ±1", () => {
    for (const kind of kinds) {
      expect(() => lossFunction(kind).value(0, 0.3)).toThrow(/−1 or \+1/);
      expect(() => lossFunction(kind).derivative(2, 0.3)).toThrow(/−1 or \+1/);
    }
    expect(() => lossFunction("absolute" as LossKind)).toThrow(/unknown loss/);
  });
});

describe("derivatives with respect to f", () => {
  it("equal a central finite difference away from kinks and clips", () => {
    const h = 1e-6;
    for (const kind of kinds) {
      const loss = lossFunction(kind);
      for (const y of [1, -1]) {
        for (let f = -0.95; f <= 0.95; f += 0.05) {
          const numeric = (loss.value(y, f + h) - loss.value(y, f - h)) / (2 * h);
          expect(loss.derivative(y, f)).toBeCloseTo(numeric, 6);
        }
      }
    }
  });

  it("hinge takes the subgradient 0 at the kink y f = 1", () => {
    expect(lossFunction("hinge").derivative(1, 1)).toBe(0);
    expect(lossFunction("hinge").derivative(-1, -1)).toBe(0);
    expect(lossFunction("hinge").derivative(-1, 0.3)).toBe(1);
  });
});

describe("meanLoss", () => {
  it("averages over the batch and scales each derivative by 1/n", () => {
    const y = [1, -1, 1, -1];
    const f = [0.8, 0.1, -0.3, -0.7];
    const { value, derivatives } = meanLoss("square", y, f);
    expect(value).toBeCloseTo((0.04 + 1.21 + 1.69 + 0.09) / 4, 15);
    expect(derivatives).toEqual(f.map((fi, i) => (-2 * (y[i] - fi)) / 4));
  });

  it("chains with a model's gradient to the gradient of the mean loss by its parameter", () => {
    // A stand-in for a circuit: f_i(θ) = cos(θ x_i), ∂f_i/∂θ = −x_i sin(θ x_i).
    const xs = [0.3, 1.1, -0.7, 2.0, 0.5];
    const y = [1, -1, 1, -1, -1];
    const outputs = (theta: number) => xs.map((x) => Math.cos(theta * x));
    for (const kind of kinds) {
      const theta = 0.8;
      const { derivatives } = meanLoss(kind, y, outputs(theta));
      const chained = derivatives.reduce((s, d, i) => s + d * -xs[i] * Math.sin(theta * xs[i]), 0);
      const h = 1e-6;
      const numeric =
        (meanLoss(kind, y, outputs(theta + h)).value -
          meanLoss(kind, y, outputs(theta - h)).value) /
        (2 * h);
      expect(chained).toBeCloseTo(numeric, 6);
    }
  });

  it("rejects mismatched or empty batches", () => {
    expect(() => meanLoss("square", [1], [0.1, 0.2])).toThrow(/1 labels for 2/);
    expect(() => meanLoss("hinge", [], [])).toThrow(/empty batch/);
  });
});

describe("signedLabels", () => {
  it("maps 0/1 to −1/+1 and keeps ±1", () => {
    expect(signedLabels([0, 1, 1, 0])).toEqual([-1, 1, 1, -1]);
    expect(signedLabels([-1, 1, -1])).toEqual([-1, 1, -1]);
    expect(signedLabels([1, 1])).toEqual([1, 1]);
    expect(signedLabels([0, 0])).toEqual([-1, -1]);
  });

  it("rejects anything else, including a mix of 0 and −1", () => {
    expect(() => signedLabels([0, 1, -1])).toThrow(/label 0 is 0/);
    expect(() => signedLabels([1, 2])).toThrow(/label 1 is 2/);
  });
});
