import { describe, expect, it } from "vitest";
import { accuracy, confusionMatrix, predictedLabel } from "@/lib/qml/metrics";

describe("predictedLabel", () => {
  it("is sign(f) with 0 counted as +1 (the same as p = (1 + f)/2 ≥ 0.5)", () => {
    expect(predictedLabel(0.3)).toBe(1);
    expect(predictedLabel(-0.01)).toBe(-1);
    expect(predictedLabel(0)).toBe(1);
    for (const f of [-1, -0.5, -1e-9, 0, 1e-9, 0.5, 1]) {
      expect(predictedLabel(f) === 1).toBe((1 + f) / 2 >= 0.5);
    }
    expect(() => predictedLabel(NaN)).toThrow(/NaN/);
  });
});

describe("confusionMatrix and accuracy", () => {
  const labels = [1, 1, 1, -1, -1, -1, -1];
  const outputs = [0.9, -0.2, 0, -0.5, 0.4, -1, 0.1];

  it("count each outcome with +1 as the positive class", () => {
    expect(confusionMatrix(labels, outputs)).toEqual({
      truePositive: 2, // 0.9 and 0
      falseNegative: 1, // −0.2
      trueNegative: 2, // −0.5 and −1
      falsePositive: 2, // 0.4 and 0.1
    });
    expect(accuracy(labels, outputs)).toBeCloseTo(4 / 7, 15);
  });

  it("accuracy is 1 for perfect and 0 for inverted predictions", () => {
    expect(accuracy(labels, labels)).toBe(1);
    expect(
      accuracy(
        labels,
        labels.map((l) => -l),
      ),
    ).toBe(0);
  });

  it("rejects bad input instead of scoring it", () => {
    expect(() => accuracy([1, -1], [0.2])).toThrow(/2 labels for 1/);
    expect(() => accuracy([], [])).toThrow(/no samples/);
    expect(() => confusionMatrix([1, 0], [0.2, 0.1])).toThrow(/label 1 is 0/);
  });
});
