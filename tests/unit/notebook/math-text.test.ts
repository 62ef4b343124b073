import { describe, expect, it } from "vitest";

import { hasMath, markdownAsText } from "@/lib/notebook/math-text";

describe("markdownAsText", () => {
  it.each([
    ["$1/2$", "1/2"],
    ["$i/\\sqrt{2}$", "i/√2"],
    ["$\\frac{1}{\\sqrt2}\\big(|0\\rangle + |1\\rangle\\big)$", "1/√2(|0⟩ + |1⟩)"],
    ["$0.6\\,|0\\rangle - 0.8i\\,|1\\rangle$", "0.6 |0⟩ − 0.8i |1⟩"],
    ["$\\frac12|0\\rangle + \\frac12|1\\rangle$", "1/2|0⟩ + 1/2|1⟩"],
    ["$U_1 U_2 U_3$", "U₁U₂U₃"],
    ["$\\{H, T, \\text{CNOT}\\}$", "{H, T, CNOT}"],
    ["$x^2 + \\frac{a+b}{2}$", "x² + (a + b)/2"],
    [
      "$R_X(\\theta)$ and $R_Z(\\theta)$ for every angle $\\theta$, plus CNOT",
      "RX(θ) and RZ(θ) for every angle θ, plus CNOT",
    ],
    ["The north pole", "The north pole"],
  ])("writes %s as %s", (markdown, text) => {
    expect(markdownAsText(markdown)).toBe(text);
  });
});

describe("hasMath", () => {
  it("tells formulas from plain words", () => {
    expect(hasMath("$|+\\rangle$")).toBe(true);
    expect(hasMath("On the equator, along $+x$")).toBe(true);
    expect(hasMath("The south pole")).toBe(false);
  });
});
