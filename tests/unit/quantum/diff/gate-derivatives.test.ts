/**
 * The differentiable gate table, checked over the whole gate registry: every catalog gate with
 * parameters has an entry; its in-place matrix is bit-for-bit the simulator's; its derivative
 * by each angle matches a central difference of the simulator's matrix.
 */
import { describe, expect, it } from "vitest";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { gateSpec } from "@/lib/quantum/gates";
import { DIFFERENTIABLE_GATES } from "@/lib/quantum/diff";
import { GATE_FAMILIES, GPHASE } from "@/lib/quantum/diff/gate-derivatives";
import { testRandom } from "@/tests/support/dense-reference";

const PARAMETERISED = GATE_CATALOG.filter((g) => g.params.length > 0);

function interleaved(name: string, p: readonly number[]): Float64Array {
  const { re, im } = gateSpec(name, p).target;
  const out = new Float64Array(2 * re.length);
  re.forEach((x, i) => {
    out[2 * i] = x;
    out[2 * i + 1] = im[i];
  });
  return out;
}

describe("differentiable gates", () => {
  it("cover every parameterised catalog gate, and gphase", () => {
    expect(PARAMETERISED.map((g) => g.name).sort()).toEqual(
      DIFFERENTIABLE_GATES.filter((g) => g !== "gphase").sort(),
    );
    expect(DIFFERENTIABLE_GATES).toContain("gphase");
  });

  it.each(PARAMETERISED.map((g) => [g.name, g.params.length] as const))(
    "%s: the matrix equals the simulator's exactly and each derivative its finite difference",
    (name, count) => {
      const family = GATE_FAMILIES.get(name)!;
      expect(family.params).toBe(count);
      const rand = testRandom(name.length * 7919 + count);
      const out = new Float64Array(32);
      const d = new Float64Array(32);
      for (let trial = 0; trial < 20; trial++) {
        const p = Array.from({ length: count }, () => (rand() - 0.5) * 4 * Math.PI);
        family.fill(p, out);
        const expected = interleaved(name, p);
        expect(Array.from(out.subarray(0, expected.length))).toEqual(Array.from(expected));
        for (let k = 0; k < count; k++) {
          family.derivative(p, k, d);
          const h = 1e-6;
          const plus = interleaved(
            name,
            p.map((x, i) => (i === k ? x + h : x)),
          );
          const minus = interleaved(
            name,
            p.map((x, i) => (i === k ? x - h : x)),
          );
          plus.forEach((x, i) => expect(d[i]).toBeCloseTo((x - minus[i]) / (2 * h), 8));
        }
      }
    },
  );

  it("gphase: e^{iα} and its derivative i·e^{iα}", () => {
    const out = new Float64Array(2);
    GPHASE.fill([0.7], out);
    expect(Array.from(out)).toEqual([Math.cos(0.7), Math.sin(0.7)]);
    GPHASE.derivative([0.7], 0, out);
    expect(Array.from(out)).toEqual([-Math.sin(0.7), Math.cos(0.7)]);
  });
});
