import { describe, expect, it } from "vitest";

import { parseRangeNumber, scanCellInputs } from "@/lib/notebook/cell-inputs";

describe("cell inputs for sliders", () => {
  it("reads `input float` declarations with their @range comments", () => {
    const source = `OPENQASM 3.0;
input float theta; // @range theta 0 2*pi 0.7
input float[64] phi;
// @range phi -pi/2 pi/2
qubit q;`;
    const [theta, phi] = scanCellInputs(source);
    expect(theta).toEqual({ name: "theta", min: 0, max: 2 * Math.PI, defaultValue: 0.7 });
    expect(phi.name).toBe("phi");
    expect(phi.min).toBeCloseTo(-Math.PI / 2, 12);
    expect(phi.max).toBeCloseTo(Math.PI / 2, 12);
    expect(phi.defaultValue).toBeCloseTo(0, 12);
  });

  it("defaults to [0, 2π] and clamps defaults into the range", () => {
    expect(scanCellInputs("input float a;")).toEqual([
      { name: "a", min: 0, max: 2 * Math.PI, defaultValue: Math.PI },
    ]);
    expect(scanCellInputs("input float a; // @range a 0 1 5")[0].defaultValue).toBe(1);
  });

  it("parses the number forms authors write", () => {
    expect(parseRangeNumber("pi")).toBeCloseTo(Math.PI, 12);
    expect(parseRangeNumber("-pi/4")).toBeCloseTo(-Math.PI / 4, 12);
    expect(parseRangeNumber("0.25")).toBe(0.25);
    expect(parseRangeNumber("3π")).toBeCloseTo(3 * Math.PI, 12);
    expect(parseRangeNumber("banana")).toBeUndefined();
  });
});
