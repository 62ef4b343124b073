import { spawnSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import {
  binaryAngle,
  callAngle,
  evaluateAngle,
  inputAngle,
  negAngle,
  type Angle,
  type AngleOperator,
} from "@/lib/quantum/angle";
import {
  pennylaneCall,
  printAngle,
  qiskitCall,
  type PythonDialect,
} from "@/lib/qml/export/expression";
import { createRng } from "@/lib/quantum/sample";

const names = ["x0", "x1", "w0"];
const x0 = inputAngle(0, "x0");
const x1 = inputAngle(1, "x1");
const w0 = inputAngle(2, "w0");
const plain: PythonDialect = { symbol: (_i, name) => name, call: pennylaneCall };
const text = (angle: Angle, dialect = plain) => printAngle(angle, dialect).text;

describe("printAngle", () => {
  it("keeps the tree's grouping where Python would regroup, and only there", () => {
    expect(text(binaryAngle("+", binaryAngle("+", x0, x1), w0))).toBe("x0 + x1 + w0");
    expect(text(binaryAngle("+", x0, binaryAngle("+", x1, w0)))).toBe("x0 + (x1 + w0)");
    expect(text(binaryAngle("-", x0, binaryAngle("-", x1, w0)))).toBe("x0 - (x1 - w0)");
    expect(text(binaryAngle("*", x0, binaryAngle("/", x1, 2)))).toBe("x0 * (x1 / 2)");
    expect(text(binaryAngle("/", binaryAngle("*", x0, x1), 2))).toBe("x0 * x1 / 2");
    expect(text(binaryAngle("*", binaryAngle("+", x0, 1), x1))).toBe("(x0 + 1) * x1");
    expect(text(negAngle(binaryAngle("+", x0, x1)))).toBe("-(x0 + x1)");
    expect(text(negAngle(negAngle(x0)))).toBe("-(-x0)");
  });

  it("writes powers as Python groups them: a primary on the left, right-associative", () => {
    expect(text(binaryAngle("**", x0, binaryAngle("**", x1, 2)))).toBe("x0 ** x1 ** 2");
    expect(text(binaryAngle("**", binaryAngle("**", x0, x1), 2))).toBe("(x0 ** x1) ** 2");
    expect(text(binaryAngle("**", x0, negAngle(x1)))).toBe("x0 ** -x1");
    expect(text(binaryAngle("**", -2, x0))).toBe("(-2) ** x0");
    expect(text(negAngle(binaryAngle("**", x0, 2)))).toBe("-x0 ** 2");
    expect(text(binaryAngle("**", negAngle(x0), 2))).toBe("(-x0) ** 2");
  });

  it("names π only when the text evaluates to exactly the same double", () => {
    expect(text(binaryAngle("-", Math.PI, x0))).toBe("pi - x0");
    expect(text(binaryAngle("*", x0, Math.PI / 2))).toBe("x0 * (pi/2)");
    expect(text(binaryAngle("*", (-3 * Math.PI) / 4, x0))).toBe("-3*pi/4 * x0");
    expect(text(binaryAngle("+", x0, Math.PI + 1e-13))).toBe(`x0 + ${Math.PI + 1e-13}`);
    expect(text(binaryAngle("*", 1e-7, x0))).toBe("1.0e-7 * x0");
  });

  it("spells functions in each library", () => {
    const angle = callAngle("sin", binaryAngle("*", 2, x0));
    expect(text(angle)).toBe("qml.math.sin(2 * x0)");
    expect(text(angle, { symbol: (_i, n) => n, call: qiskitCall })).toBe("(2 * x0).sin()");
    const qiskit: PythonDialect = { symbol: (i) => `x[${i}]`, call: qiskitCall };
    expect(text(callAngle("ln", x0), qiskit)).toBe("x[0].log()");
    expect(text(callAngle("sqrt", binaryAngle("+", x0, 1)), qiskit)).toBe("(x[0] + 1) ** 0.5");
    expect(text(binaryAngle("*", 2, callAngle("sqrt", x0)), qiskit)).toBe("2 * x[0] ** 0.5");
    expect(text(callAngle("ln", x0))).toBe("qml.math.log(x0)");
  });

  it("refuses a non-finite constant instead of writing it", () => {
    expect(() => text(binaryAngle("+", x0, Infinity))).toThrow(/non-finite/);
  });

  it("gives Python the engine's numbers bit for bit (random arithmetic trees)", () => {
    const rng = createRng(7);
    const constants = [0.5, 2, -3, Math.PI, Math.PI / 2, (3 * Math.PI) / 4, 0.1, 1e-3, 7.25];
    const ops: AngleOperator[] = ["+", "-", "*", "/"];
    const leaf = (): Angle => {
      const r = rng.next();
      if (r < 0.5) {
        const i = Math.floor(rng.next() * 3);
        return inputAngle(i, names[i]);
      }
      return constants[Math.floor(rng.next() * constants.length)];
    };
    const tree = (depth: number): Angle => {
      if (depth === 0) return leaf();
      if (rng.next() < 0.15) return negAngle(tree(depth - 1));
      return binaryAngle(
        ops[Math.floor(rng.next() * ops.length)],
        tree(depth - 1),
        tree(depth - 1),
      );
    };
    const inputs = [0.3141, -1.75, 2.5e-3];
    // Python raises on a division by zero where JavaScript gives ±Infinity: keep trees whose
    // every intermediate value is finite.
    const finite = (t: Angle): boolean =>
      Number.isFinite(evaluateAngle(t, inputs)) &&
      (typeof t === "number" ||
        t.kind === "input" ||
        (t.kind === "binary" ? finite(t.left) && finite(t.right) : finite(t.arg)));
    const trees = Array.from({ length: 300 }, () => tree(1 + Math.floor(rng.next() * 4))).filter(
      (t) => typeof t !== "number" && finite(t),
    );
    expect(trees.length).toBeGreaterThan(200);
    const dialect: PythonDialect = { symbol: (i) => `v[${i}]`, call: pennylaneCall };
    const program = [
      "from math import pi",
      `v = [${inputs.join(", ")}]`,
      ...trees.map((t) => `print((${printAngle(t, dialect).text}).hex())`),
    ].join("\n");
    const run = spawnSync("python3", ["-c", program], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const printed = run.stdout.trim().split("\n");
    expect(printed).toHaveLength(trees.length);
    // Equal as numbers (a folded −0 is written 0, and no angle depends on the sign of zero).
    const mismatches = trees.filter((t, i) => pythonHex(printed[i]) !== evaluateAngle(t, inputs));
    expect(mismatches.map((t) => printAngle(t, dialect).text)).toEqual([]);
  });
});

/** float.hex() text → the number (exact). */
function pythonHex(hex: string): number {
  const match = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(hex);
  if (!match) return hex === "0x0.0p+0" ? 0 : hex === "-0x0.0p+0" ? -0 : NaN;
  const [, sign, lead, fraction, exponent] = match;
  const mantissa = Number(lead) + parseInt(fraction, 16) / 16 ** fraction.length;
  return (sign ? -1 : 1) * mantissa * 2 ** Number(exponent);
}
