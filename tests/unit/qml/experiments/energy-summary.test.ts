import { describe, expect, it } from "vitest";

import { energySummary } from "@/lib/qml/experiments/hamiltonian";

/** The last line of a molecular minimisation: the distance to the exact energy, on either side. */
describe("energySummary", () => {
  const exact = -1.137306;

  it("reports an energy above the exact one and whether it is within chemical accuracy", () => {
    expect(energySummary(exact + 0.0002, exact)).toBe(
      "E = -1.137106 Ha, 0.200 mHa above the exact -1.137306 Ha (within chemical accuracy).",
    );
    expect(energySummary(exact + 0.017, exact)).toBe(
      "E = -1.120306 Ha, 17.000 mHa above the exact -1.137306 Ha.",
    );
  });

  it("reports an estimate below the exact energy as below, never as a negative distance above", () => {
    expect(energySummary(exact - 0.0062, exact)).toBe(
      "E = -1.143506 Ha, 6.200 mHa below the exact -1.137306 Ha: an estimate from shots, since no expectation value lies below the exact energy.",
    );
  });

  it("judges chemical accuracy by the size of the error on either side", () => {
    expect(energySummary(exact - 0.001, exact)).toContain("1.000 mHa below");
    expect(energySummary(exact - 0.001, exact)).toContain("(within chemical accuracy)");
    expect(energySummary(exact - 0.002, exact)).not.toContain("within chemical accuracy");
  });
});
