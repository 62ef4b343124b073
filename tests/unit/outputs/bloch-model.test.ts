import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  blochAngles,
  describeBloch,
  equatorRadii,
  isMixed,
  meridianPaths,
  mixedNote,
  project,
  vectorTip,
} from "@/app/_components/outputs/bloch-model";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

const run = (body: string) =>
  simulate(compile(`OPENQASM 3.0;\ninclude "stdgates.inc";\n${body}`), { seed: 3, shots: 64 });

describe("projection", () => {
  it("draws |0⟩ up, |+i⟩ to the right and |+⟩ toward the viewer, down-left", () => {
    const z = project(0, 0, 1);
    expect(z.x).toBeCloseTo(0, 12);
    expect(z.y).toBeGreaterThan(0.9);
    const y = project(0, 1, 0);
    expect(y.x).toBeGreaterThan(0.9);
    const x = project(1, 0, 0);
    expect(x.x).toBeLessThan(0);
    expect(x.y).toBeLessThan(0);
    expect(x.depth).toBeGreaterThan(0.9);
  });

  it("is a rotation: screen position and depth keep the vector's length", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (x, y, z) => {
          const p = project(x, y, z);
          expect(p.x ** 2 + p.y ** 2 + p.depth ** 2).toBeCloseTo(x ** 2 + y ** 2 + z ** 2, 9);
        },
      ),
    );
  });

  it("puts every equator point on the drawn ellipse, the front half below the centre", () => {
    const { rx, ry } = equatorRadii(50);
    for (let t = 0; t < 2 * Math.PI; t += 0.3) {
      const p = project(Math.cos(t), Math.sin(t), 0);
      expect((p.x * 50) ** 2 / rx ** 2 + (p.y * 50) ** 2 / ry ** 2).toBeCloseTo(1, 9);
      if (Math.abs(p.y) > 1e-9) expect(p.depth > 0).toBe(p.y < 0);
    }
  });

  it("splits the meridian into a front and a back path", () => {
    const { front, back } = meridianPaths(50);
    expect(front.startsWith("M")).toBe(true);
    expect(back.startsWith("M")).toBe(true);
    expect(front.split(/[ML]/).length + back.split(/[ML]/).length).toBeGreaterThan(70);
  });

  it("places the tip in SVG coordinates (y down)", () => {
    const tip = vectorTip({ x: 0, y: 0, z: -1 }, 40);
    expect(tip.x).toBeCloseTo(0, 12);
    expect(tip.y).toBeGreaterThan(35);
  });
});

describe("mixed states, from the real engine", () => {
  it("calls each qubit of a Bell pair mixed, with the words the learner sees", () => {
    const result = run("qubit[2] q;\nh q[0];\ncx q[0], q[1];\n");
    for (const v of result.bloch) {
      expect(isMixed(v)).toBe(true);
      expect(mixedNote(v, false)).toBe("mixed: |r| = 0.00 — this qubit is entangled with others");
    }
    expect(describeBloch("q[0]", result.bloch[0])).toBe(
      "q[0]: x = 0.000, y = 0.000, z = 0.000, |r| = 0.000",
    );
  });

  it("calls a product state pure and describes its direction", () => {
    const result = run("qubit[2] q;\nh q[0];\ns q[0];\nx q[1];\n");
    expect(result.bloch.map(isMixed)).toEqual([false, false]);
    expect(mixedNote(result.bloch[0], false)).toBeNull();
    expect(describeBloch("q[0]", result.bloch[0])).toBe(
      "q[0]: x = 0.000, y = 1.000, z = 0.000, |r| = 1.000",
    );
    const angles = blochAngles(result.bloch[0]);
    expect(angles.theta).toBeCloseTo(Math.PI / 2, 9);
    expect(angles.phi).toBeCloseTo(Math.PI / 2, 9);
    expect(blochAngles(result.bloch[1]).phi).toBeNull();
  });

  it("mentions shot-to-shot differences when shots were simulated separately", () => {
    expect(mixedNote({ x: 0, y: 0, z: 0.5 }, true)).toBe(
      "mixed: |r| = 0.50 — this qubit is entangled with others, or its state differs from shot to shot",
    );
  });
});
