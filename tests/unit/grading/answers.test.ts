import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { normaliseText, parseNumberAnswer } from "@/lib/grading/answers";

const value = (text: string | number) => {
  const parsed = parseNumberAnswer(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe("parseNumberAnswer", () => {
  it.each([
    ["0.5", 0.5],
    [" 0.5 ", 0.5],
    [".5", 0.5],
    ["5.", 5],
    ["+0.25", 0.25],
    ["-0.25", -0.25],
    ["−0.25", -0.25],
    ["1e-3", 0.001],
    ["2.5E2", 250],
    ["1/2", 0.5],
    ["3 / 4", 0.75],
    ["-1/4", -0.25],
    ["50%", 0.5],
    ["12.5 %", 0.125],
    ["1/2%", 0.005],
    ["pi", Math.PI],
    ["PI/4", Math.PI / 4],
    ["3π/4", (3 * Math.PI) / 4],
    ["2*pi", 2 * Math.PI],
    ["-pi/2", -Math.PI / 2],
    ["½", 0.5],
    ["０.５", 0.5],
  ])("reads %j as %d", (text, expected) => {
    expect(value(text)).toBeCloseTo(expected, 14);
  });

  it("takes numbers as they are", () => {
    expect(value(0.25)).toBe(0.25);
    expect(parseNumberAnswer(Number.NaN)).toEqual({
      ok: false,
      message: "the answer must be a finite number",
    });
  });

  it.each([
    ["", "the answer is empty"],
    ["   ", "the answer is empty"],
    [
      "0,5",
      'could not read "0,5" as a number: use a point for decimals (0.5) and no thousands separators',
    ],
    ["abc", 'could not read "abc" as a number (write it like 0.5, 1/2, 50% or pi/4)'],
    ["1/2/3", 'could not read "1/2/3" as a number (write it like 0.5, 1/2, 50% or pi/4)'],
    ["pi%", 'could not read "pi%" as a number (write it like 0.5, 1/2, 50% or pi/4)'],
    ["0.5.1", 'could not read "0.5.1" as a number (write it like 0.5, 1/2, 50% or pi/4)'],
    ["1/0", "the answer divides by zero"],
    ["1e400", "the answer must be a finite number"],
  ])("refuses %j", (text, message) => {
    expect(parseNumberAnswer(text)).toEqual({ ok: false, message });
  });

  it("reads back any decimal JavaScript prints", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (x) => {
        expect(value(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe("normaliseText", () => {
  it.each([
    ["  The  Born\trule. ", "the born rule"],
    ["HADAMARD!", "hadamard"],
    ["hadamard?!...", "hadamard"],
    ["Ｈａｄａｍａｒｄ", "hadamard"],
    ["ﬁdelity", "fidelity"],
    ["born's rule", "born's rule"],
    ["e.g. qubit", "e.g. qubit"],
    ["...", ""],
  ])("%j → %j", (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});
