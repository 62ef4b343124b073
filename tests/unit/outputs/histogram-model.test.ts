import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  axisCaption,
  describeBar,
  histogramData,
  histogramGeometry,
  niceTicks,
  tooltipBox,
} from "@/app/_components/outputs/histogram-model";

const bits = (n: number, width: number): string => n.toString(2).padStart(width, "0");

describe("histogramData", () => {
  it("shows every outcome of a Bell pair, sorted by bitstring", () => {
    const data = histogramData({ "11": 490, "00": 534 }, "counts");
    expect(data.bars.map((b) => [b.label, b.value, b.isOthers])).toEqual([
      ["00", 534, false],
      ["11", 490, false],
    ]);
    expect(data.total).toBe(1024);
    expect(data.bars[0].fraction).toBeCloseTo(534 / 1024, 12);
  });

  it("folds everything beyond the top k into one trailing 'others' bar", () => {
    // Outcome i occurs i + 1 times, so the top 3 are the last three.
    const counts = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [bits(i, 3), i + 1]));
    const data = histogramData(counts, "counts", 3);
    expect(data.bars.map((b) => b.label)).toEqual(["101", "110", "111", "others"]);
    const others = data.bars[3];
    expect(others.value).toBe(1 + 2 + 3 + 4 + 5);
    expect(others.outcomes).toBe(5);
    expect(data.totalOutcomes).toBe(8);
  });

  it("shows a lone extra outcome as itself rather than as 'others'", () => {
    const counts = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [bits(i, 2), 10]));
    expect(histogramData(counts, "counts", 3).bars.map((b) => b.label)).toEqual([
      "00",
      "01",
      "10",
      "11",
    ]);
  });

  it("breaks ties by bitstring so the choice of bars is stable", () => {
    const data = histogramData({ "11": 5, "10": 5, "01": 5, "00": 5, x: 1 }, "counts", 2);
    expect(data.bars.map((b) => b.label)).toEqual(["00", "01", "others"]);
  });

  it("keeps the total, the top-k rule and the order for any counts", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.integer({ min: 0, max: 255 }).map((n) => bits(n, 8)),
          fc.integer({ min: 1, max: 1000 }),
        ),
        fc.integer({ min: 1, max: 20 }),
        (counts, topK) => {
          const data = histogramData(counts, "counts", topK);
          const values = Object.values(counts);
          expect(data.bars.reduce((s, b) => s + b.value, 0)).toBe(
            values.reduce((s, v) => s + v, 0),
          );
          expect(data.bars.length).toBeLessThanOrEqual(topK + 1);
          const real = data.bars.filter((b) => !b.isOthers);
          expect(real.map((b) => b.label)).toEqual(real.map((b) => b.label).sort());
          const others = data.bars.find((b) => b.isOthers);
          if (others) {
            expect(data.bars[data.bars.length - 1]).toBe(others);
            expect(others.outcomes).toBeGreaterThanOrEqual(2);
            const shown = new Set(real.map((b) => b.label));
            const smallestShown = Math.min(...real.map((b) => b.value));
            for (const [label, v] of Object.entries(counts)) {
              if (!shown.has(label)) expect(v).toBeLessThanOrEqual(smallestShown);
            }
          } else {
            expect(real.length).toBe(values.length);
          }
        },
      ),
    );
  });

  it("rejects a top k that is not a positive integer", () => {
    expect(() => histogramData({}, "counts", 0)).toThrow("topK must be a positive integer, got 0");
  });
});

describe("bar descriptions and captions", () => {
  it("reads out the exact count and percentage", () => {
    const data = histogramData({ "00": 512, "11": 511, "01": 1 }, "counts");
    expect(describeBar(data.bars[0], "counts")).toBe("00: 512 shots, 50.0%");
    expect(describeBar(data.bars[1], "counts")).toBe("01: 1 shot, 0.1%");
    const folded = histogramData({ a: 5, b: 3, c: 1, d: 1 }, "counts", 2);
    expect(describeBar(folded.bars[2], "counts")).toBe("others (2 outcomes): 2 shots, 20.0%");
    const probs = histogramData({ "0": 0.25, "1": 0.75 }, "probabilities");
    expect(describeBar(probs.bars[1], "probabilities")).toBe("1: probability 0.7500, 75.0%");
  });

  it("spells out Qiskit's bit order on the axis", () => {
    expect(axisCaption("counts", 3)).toBe("Outcome (classical bits c[2] … c[0])");
    expect(axisCaption("counts", 4, 2)).toBe(
      "Outcome (classical bits c[3] … c[0]; registers separated by a space, last declared first)",
    );
    expect(axisCaption("probabilities", 2)).toBe("Basis state (qubits q[1] q[0])");
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten and reaches the maximum", () => {
    expect(niceTicks(534)).toEqual([0, 200, 400, 600]);
    expect(niceTicks(0.5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0)).toEqual([0]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe("histogramGeometry", () => {
  it("scales bars to the top tick and keeps them inside the plot", () => {
    const data = histogramData({ "00": 600, "11": 300 }, "counts");
    const geo = histogramGeometry(data);
    const [a, b] = geo.bars;
    expect(geo.ticks[geo.ticks.length - 1].value).toBe(600);
    expect(a.y).toBeCloseTo(geo.plot.top, 9);
    expect(a.height).toBeCloseTo(2 * b.height, 9);
    for (const bar of geo.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(geo.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(geo.plot.right);
      expect(bar.y + bar.height).toBeCloseTo(geo.plot.bottom, 9);
    }
    expect(geo.labelAngle).toBe(0);
    expect(geo.valueLabels).toBe(true);
  });

  it("turns long labels and keeps a rare outcome visible", () => {
    const counts = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [bits(i * 17, 10), i === 0 ? 1 : 1000]),
    );
    const geo = histogramGeometry(histogramData(counts, "counts"));
    expect(geo.labelAngle).not.toBe(0);
    expect(geo.bars).toHaveLength(17);
    expect(Math.min(...geo.bars.map((b) => b.height))).toBeGreaterThanOrEqual(1);
  });

  it("keeps tooltips inside the chart at both edges", () => {
    const geo = histogramGeometry(histogramData({ "0": 1, "1": 1 }, "counts"));
    for (const cx of [0, geo.width]) {
      const box = tooltipBox(cx, 40, geo);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(geo.width);
    }
  });
});
