import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  ketOrderCaption,
  pageOf,
  phaseGlyph,
  shownSummary,
  stateRows,
} from "@/app/_components/outputs/state-table-model";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

describe("stateRows", () => {
  it("lists nonzero amplitudes with kets written q[n-1] first", () => {
    // |q2 q1 q0⟩: X on qubit 0 alone gives index 1, written 001.
    const result = simulate(
      compile('OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[3] q;\nx q[0];\n'),
      { seed: 1 },
    );
    const rows = stateRows(result.statevector!, 3);
    expect(rows.map((r) => [r.index, r.bits])).toEqual([[1, "001"]]);
    expect(rows[0].probability).toBeCloseTo(1, 12);
  });

  it("drops amplitudes of magnitude 1e-9 or less and keeps phases in (-π, π]", () => {
    const rows = stateRows(
      [
        [1e-9, 0],
        [0, 1.1e-9],
        [-0.6, 0],
        [0, -0.8],
      ],
      2,
    );
    expect(rows.map((r) => r.bits)).toEqual(["01", "10", "11"]);
    expect(rows[1].phase).toBe(Math.PI);
    expect(rows[2].phase).toBeCloseTo(-Math.PI / 2, 12);
  });

  it("refuses a vector whose length does not match the qubit count", () => {
    expect(() => stateRows([[1, 0]], 2)).toThrow("a 2-qubit state has 4 amplitudes, got 1");
  });

  it("says how many basis states are shown", () => {
    expect(shownSummary(2, 10)).toBe("2 of 1,024 basis states shown (the others have amplitude 0)");
    expect(shownSummary(1, 0)).toBe("1 of 1 basis state shown (the others have amplitude 0)");
  });
});

describe("pageOf", () => {
  it("clamps the page into range", () => {
    expect(pageOf(40, 0, 16)).toEqual({ page: 0, pageCount: 3, start: 0, end: 16 });
    expect(pageOf(40, 2, 16)).toEqual({ page: 2, pageCount: 3, start: 32, end: 40 });
    expect(pageOf(40, 9, 16)).toEqual({ page: 2, pageCount: 3, start: 32, end: 40 });
    expect(pageOf(40, -1, 16)).toEqual({ page: 0, pageCount: 3, start: 0, end: 16 });
    expect(pageOf(0, 0, 16)).toEqual({ page: 0, pageCount: 1, start: 0, end: 0 });
    expect(() => pageOf(10, 0, 0)).toThrow("page size must be ≥ 1, got 0");
  });

  it("visits every item exactly once across the pages", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 40 }), (total, size) => {
        const { pageCount } = pageOf(total, 0, size);
        const seen: number[] = [];
        for (let p = 0; p < pageCount; p++) {
          const page = pageOf(total, p, size);
          expect(page.end - page.start).toBeLessThanOrEqual(size);
          for (let i = page.start; i < page.end; i++) seen.push(i);
        }
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
      }),
    );
  });
});

describe("phaseGlyph", () => {
  it("points the hand at the phase (SVG y down) and fills in proportion to |a|", () => {
    const up = phaseGlyph(0, 0.5, 10);
    expect(up.handX).toBeCloseTo(0, 12);
    expect(up.handY).toBeCloseTo(-10, 12);
    expect(up.fillRadius).toBeCloseTo(5, 12);
    const left = phaseGlyph(-1, 0, 10);
    expect(left.handX).toBeCloseTo(-10, 12);
    expect(left.fillRadius).toBeCloseTo(10, 12);
    expect(phaseGlyph(0.001, 0, 10).fillRadius).toBe(2);
  });
});

describe("ketOrderCaption", () => {
  it("writes one qubit's ket once, two side by side, and elides the middle of more", () => {
    expect(ketOrderCaption(1)).toBe("Kets are written |q[0]⟩.");
    expect(ketOrderCaption(2)).toBe("Kets list qubits highest first: |q[1]q[0]⟩.");
    expect(ketOrderCaption(5)).toBe("Kets list qubits highest first: |q[4]…q[0]⟩.");
  });
});
