import { describe, expect, it } from "vitest";
import {
  approximationRatio,
  bruteForcePortfolio,
  cutValue,
  getGraph,
  GRAPHS,
  isingGroundStates,
  isingHamiltonian,
  loadPortfolio,
  maxCut,
  maxcutHamiltonian,
  portfolioObjective,
  PORTFOLIOS,
  quboValue,
} from "@/lib/qml/data";
import { exactGroundEnergy, pauliSumMatrix } from "@/lib/qml/linalg";

const diagonal = (sum: Parameters<typeof pauliSumMatrix>[0], n: number) => {
  const { re } = pauliSumMatrix(sum, n);
  return re.map((row, k) => row[k]);
};

describe("MaxCut", () => {
  it("knows the optimum of rings and of the 3-regular graphs", () => {
    for (let n = 4; n <= 8; n++) {
      const g = getGraph(`ring-${n}`);
      expect(g.edges).toHaveLength(n);
      expect(maxCut(g).value).toBe(n % 2 === 0 ? n : n - 1);
    }
    // Prism: each triangle keeps an edge, so 9 − 2 = 7. Wagner graph: 12 edges, cut 10.
    expect(maxCut(getGraph("3-regular-6")).value).toBe(7);
    expect(maxCut(getGraph("3-regular-8")).value).toBe(10);
    for (const id of ["3-regular-6", "3-regular-8"]) {
      const g = getGraph(id);
      const degree = new Array<number>(g.nodes).fill(0);
      for (const [i, j] of g.edges) {
        degree[i]++;
        degree[j]++;
      }
      expect(degree.every((d) => d === 3)).toBe(true);
    }
  });

  it("has a cost Hamiltonian whose diagonal is minus the cut and whose ground energy is −maxcut", () => {
    for (const g of GRAPHS) {
      const h = maxcutHamiltonian(g);
      diagonal(h, g.nodes).forEach((v, bits) => expect(v).toBeCloseTo(-cutValue(g, bits), 12));
      expect(exactGroundEnergy(h, g.nodes)).toBeCloseTo(-maxCut(g).value, 10);
    }
    const w = getGraph("weighted-5");
    const best = maxCut(w);
    // Complementary partitions give the same cut.
    for (const bits of best.cuts) expect(best.cuts).toContain(bits ^ 0b11111);
    expect(approximationRatio(w, best.value)).toBe(1);
    expect(approximationRatio(w, best.value / 2)).toBeCloseTo(0.5, 12);
    expect(() => getGraph("petersen")).toThrow(/no graph/);
  });
});

describe("portfolio", () => {
  it("is deterministic, with a symmetric positive semi-definite covariance", () => {
    for (const spec of PORTFOLIOS) {
      const p = loadPortfolio(spec.id);
      expect(loadPortfolio(spec.id)).toEqual(p);
      expect(p.mean).toHaveLength(spec.assets);
      expect(p.licence).toMatch(/Synthetic/);
      p.covariance.forEach((row, i) => row.forEach((c, j) => expect(c).toBe(p.covariance[j][i])));
      // xᵀΣx ≥ 0 for every 0/1 vector, and variances are positive.
      for (let bits = 1; bits < 1 << spec.assets; bits++) {
        expect(
          portfolioObjective({ ...p, mean: p.mean.map(() => 0), risk: 1 }, bits),
        ).toBeGreaterThan(0);
      }
    }
  });

  it("maps the QUBO to an Ising Hamiltonian equal to it on every bit string, optimum within budget", () => {
    for (const spec of PORTFOLIOS) {
      for (const risk of [0, 0.5, 5]) {
        const p = loadPortfolio(spec.id, { risk });
        const d = diagonal(p.hamiltonian, spec.assets);
        d.forEach((v, bits) => expect(v).toBeCloseTo(quboValue(p.qubo, bits), 10));
        const best = bruteForcePortfolio(p);
        expect(exactGroundEnergy(p.hamiltonian, spec.assets)).toBeCloseTo(best.value, 10);
        const held = best.bits
          .toString(2)
          .split("")
          .filter((b) => b === "1").length;
        expect(held).toBe(spec.budget);
        // Among budget-respecting choices, the QUBO optimum minimises the plain objective.
        for (let bits = 0; bits < 1 << spec.assets; bits++) {
          const count = bits
            .toString(2)
            .split("")
            .filter((b) => b === "1").length;
          if (count === spec.budget) {
            expect(portfolioObjective(p, bits)).toBeGreaterThanOrEqual(best.objective - 1e-15);
          }
        }
      }
    }
    // With no risk aversion the optimum holds the assets with the largest mean returns.
    const p = loadPortfolio("synthetic-6", { risk: 0 });
    const top = p.mean
      .map((m, i) => [m, i])
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .reduce((bits, [, i]) => bits | (1 << i), 0);
    expect(bruteForcePortfolio(p).bits).toBe(top);
  });
});

describe("transverse-field Ising chains", () => {
  it("builds open and periodic chains with the known ground energies", () => {
    const open = isingHamiltonian({ n: 4, field: 0.5 });
    expect(open.terms).toHaveLength(3 + 4);
    const ring = isingHamiltonian({ n: 4, field: 0.5, boundary: "periodic" });
    expect(ring.terms).toHaveLength(4 + 4);
    // h = 0: all bonds satisfied; h → ∞ dominated by −h Σ X.
    expect(exactGroundEnergy(isingHamiltonian({ n: 5, field: 0 }), 5)).toBeCloseTo(-4, 12);
    expect(
      exactGroundEnergy(isingHamiltonian({ n: 5, field: 0, boundary: "periodic" }), 5),
    ).toBeCloseTo(-5, 12);
    // Periodic chain, exact free-fermion result (even-parity sector, antiperiodic momenta):
    // E₀ = −Σ_k √(1 + h² − 2h cos k), k = ±π/n, ±3π/n, …
    for (const [n, h] of [
      [6, 0.5],
      [6, 1.5],
      [8, 0.9],
    ]) {
      let e = 0;
      for (let m = 0; m < n; m++) {
        const k = ((2 * m + 1 - n) * Math.PI) / n;
        e -= Math.sqrt(1 + h * h - 2 * h * Math.cos(k));
      }
      const exact = exactGroundEnergy(isingHamiltonian({ n, field: h, boundary: "periodic" }), n);
      expect(exact).toBeCloseTo(e, 9);
    }
  });

  it("gives normalised, non-negative, flip-symmetric ground states labelled by phase", () => {
    const data = isingGroundStates({ n: 6, fields: [0, 0.05, 0.5, 1.5, 3], boundary: "periodic" });
    expect(data.states.map((s) => s.label)).toEqual([0, 0, 0, 1, 1]);
    for (const s of data.states) {
      const a = s.amplitudes;
      expect(a.reduce((x, y) => x + y * y, 0)).toBeCloseTo(1, 12);
      a.forEach((x, k) => {
        expect(x).toBeGreaterThan(-1e-9);
        expect(x).toBeCloseTo(a[k ^ 63], 9);
      });
      // ⟨ψ|H|ψ⟩ equals the ground energy.
      const { re } = pauliSumMatrix(
        isingHamiltonian({ n: 6, field: s.field, boundary: "periodic" }),
        6,
      );
      let e = 0;
      for (let i = 0; i < 64; i++) for (let j = 0; j < 64; j++) e += a[i] * re[i][j] * a[j];
      expect(e).toBeCloseTo(s.energy, 9);
    }
    // h = 0: the GHZ state; strong field: close to |+⟩^⊗n.
    expect(data.states[0].amplitudes[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(data.states[4].amplitudes[0]).toBeGreaterThan(0.1);
    expect(() => isingGroundStates({ n: 4, fields: [1] })).toThrow(/critical/);
    expect(() => isingHamiltonian({ n: 9, field: 1 })).toThrow(/2 to 8 spins/);
  });
});
