import { describe, expect, it } from "vitest";

import {
  bitOrderLabel,
  fixed,
  formatAngle,
  formatComplex,
  formatDuration,
  formatInteger,
  formatPercent,
  phaseColor,
  phaseHue,
  phaseOf,
  piFraction,
} from "@/app/_components/outputs/format-model";

describe("number formatting", () => {
  it("never prints a negative zero", () => {
    expect(fixed(-1e-12, 4)).toBe("0.0000");
    expect(fixed(-0.00004, 4)).toBe("0.0000");
    expect(fixed(-0.00005001, 4)).toBe("-0.0001");
  });

  it("writes amplitudes as a + bi with four decimals", () => {
    expect(formatComplex(Math.SQRT1_2, 0)).toBe("0.7071 + 0.0000i");
    expect(formatComplex(-0.5, -0.5)).toBe("-0.5000 - 0.5000i");
    expect(formatComplex(0, 1)).toBe("0.0000 + 1.0000i");
    expect(formatComplex(3e-17, -1e-17)).toBe("0.0000 + 0.0000i");
  });

  it("formats percentages, durations and integers the same on server and client", () => {
    expect(formatPercent(0.5)).toBe("50.0%");
    expect(formatPercent(1 / 3)).toBe("33.3%");
    expect(formatPercent(0.0001)).toBe("<0.1%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatDuration(0.4213)).toBe("0.42 ms");
    expect(formatDuration(12.34)).toBe("12.3 ms");
    expect(formatDuration(1250)).toBe("1.25 s");
    expect(formatInteger(1024)).toBe("1,024");
    expect(formatInteger(1234567)).toBe("1,234,567");
    expect(formatInteger(999)).toBe("999");
  });

  it("spells the bit order highest index first", () => {
    expect(bitOrderLabel("c", 1)).toBe("c[0]");
    expect(bitOrderLabel("c", 2)).toBe("c[1] c[0]");
    expect(bitOrderLabel("q", 10)).toBe("q[9] … q[0]");
    expect(bitOrderLabel("q", 0)).toBe("");
  });
});

describe("phases", () => {
  it("keeps phases in (-π, π], folding -π to π", () => {
    expect(phaseOf(-1, -0)).toBe(Math.PI);
    expect(phaseOf(-1, 0)).toBe(Math.PI);
    expect(phaseOf(0, -1)).toBeCloseTo(-Math.PI / 2, 12);
    expect(phaseOf(0, 0)).toBe(0);
  });

  it("names exact fractions of π and only those", () => {
    expect(piFraction(Math.PI / 2)).toBe("π/2");
    expect(piFraction((-3 * Math.PI) / 4)).toBe("-3π/4");
    expect(piFraction(Math.PI)).toBe("π");
    expect(piFraction(2 * Math.PI)).toBe("2π");
    expect(piFraction(Math.PI / 12)).toBe("π/12");
    expect(piFraction(1e-12)).toBe("0");
    expect(piFraction(1)).toBeNull();
    expect(formatAngle(Math.PI / 2)).toBe("90.0° (π/2)");
    expect(formatAngle(1)).toBe("57.3° (1.000 rad)");
  });

  it("maps a phase to a hue on the colour wheel, wrapping at 2π", () => {
    expect(phaseHue(0)).toBe(0);
    expect(phaseHue(Math.PI)).toBe(180);
    expect(phaseHue(-Math.PI / 2)).toBe(270);
    expect(phaseHue(2 * Math.PI)).toBe(0);
    expect(phaseHue(-1e-15)).toBe(0);
    expect(phaseColor(Math.PI / 2)).toBe("hsl(90.0 70% 50%)");
  });
});
