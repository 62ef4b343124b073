import { describe, expect, it } from "vitest";
import { createOptimizer, minimise, type OptimizerSpec, type Problem } from "@/lib/qml/optimizers";
import { coefficients } from "@/lib/qml/optimizers/nelder-mead";
import { distance, noisyQuadratic, quadratic, recording, rosenbrock } from "./problems";

const centre = [1, -2, 0.5];
const start = [0, 0, 0];

/** Condition numbers 1, 10, 100 with the largest curvature L = 100 (or 1 when κ = 1). */
const conditioned = [
  { kappa: 1, h: [1, 1, 1] },
  { kappa: 10, h: [10, 3, 100].map((v) => v / 10) },
  { kappa: 100, h: [1, 10, 100] },
];

function specsFor(h: readonly number[]): { spec: OptimizerSpec; steps: number; tol: number }[] {
  const L = Math.max(...h);
  const mu = Math.min(...h);
  const kappa = L / mu;
  const rootK = Math.sqrt(kappa);
  return [
    // Plain gradient descent contracts by (1 − μ/L) per step.
    { spec: { kind: "gd", stepSize: 1 / L }, steps: 2000, tol: 1e-6 },
    // Polyak's optimal heavy-ball parameters: rate (√κ − 1)/(√κ + 1).
    {
      spec: {
        kind: "momentum",
        stepSize: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2,
        momentum: ((rootK - 1) / (rootK + 1)) ** 2,
      },
      steps: 300,
      tol: 1e-6,
    },
    // Nesterov's constant-momentum scheme for strongly convex functions.
    {
      spec: {
        kind: "momentum",
        stepSize: 1 / L,
        momentum: (rootK - 1) / (rootK + 1),
        nesterov: true,
      },
      steps: 400,
      tol: 1e-6,
    },
    { spec: { kind: "adam", stepSize: 0.01 }, steps: 3000, tol: 1e-3 },
    { spec: { kind: "nelder-mead", tolerance: 1e-12 }, steps: 3000, tol: 1e-5 },
  ];
}

describe("every optimiser on quadratics of condition number 1, 10 and 100", () => {
  for (const { kappa, h } of conditioned) {
    for (const { spec, steps, tol } of specsFor(h)) {
      it(`${spec.kind}${"nesterov" in spec && spec.nesterov ? " (Nesterov)" : ""}, κ = ${kappa}`, () => {
        const problem = quadratic(h, centre);
        const initial = problem.value(start);
        const result = minimise(problem, spec, start, { steps });
        expect(result.value).toBeLessThan(initial);
        expect(distance(result.x, centre)).toBeLessThan(tol);
        // The loss curve goes down overall: the last recorded value is below the first.
        expect(result.history.at(-1)!.value).toBeLessThan(result.history[0].value);
      });
    }
  }
});

describe("gradient descent", () => {
  it("contracts each coordinate by exactly (1 − η h_i) per step", () => {
    const h = [1, 10, 100];
    const eta = 0.01;
    const result = minimise(quadratic(h, centre), { kind: "gd", stepSize: eta }, start, {
      steps: 25,
    });
    result.x.forEach((xi, i) => {
      const expected = centre[i] + (1 - eta * h[i]) ** 25 * (start[i] - centre[i]);
      expect(xi).toBeCloseTo(expected, 12);
    });
  });

  it("needs far more steps than momentum when the problem is ill-conditioned", () => {
    const h = [1, 10, 100];
    const [gd, momentum] = specsFor(h);
    const slow = minimise(quadratic(h, centre), gd.spec, start, { steps: 150 });
    const fast = minimise(quadratic(h, centre), momentum.spec, start, { steps: 150 });
    expect(distance(fast.x, centre)).toBeLessThan(1e-6);
    expect(distance(slow.x, centre)).toBeGreaterThan(0.1);
  });
});

describe("momentum: heavy ball versus Nesterov", () => {
  // f(x) = ½ L x² with η = 1/L and μ = 0.9: the look-ahead gradient cancels the velocity, so
  // Nesterov lands on the minimum at step 2 and stays; heavy ball overshoots and rings.
  const L = 4;
  const problem = quadratic([L], [0]);
  const run = (nesterov: boolean, steps: number) =>
    minimise(problem, { kind: "momentum", stepSize: 1 / L, momentum: 0.9, nesterov }, [1], {
      steps,
    }).history.map((h) => h.x[0]);

  it("heavy ball follows x_{k+1} = x_k − η f'(x_k) + μ (x_k − x_{k−1})", () => {
    const xs = run(false, 30);
    let previous = 1;
    let current = 1;
    for (const x of xs) {
      const next = current - (1 / L) * L * current + 0.9 * (current - previous);
      expect(x).toBeCloseTo(next, 12);
      previous = current;
      current = next;
    }
    expect(xs[0]).toBe(0);
    expect(xs[1]).toBeCloseTo(-0.9, 12);
    // Ringing: the sign keeps changing while the amplitude decays like √0.9 per step.
    const signChanges = xs.slice(1).filter((x, i) => Math.sign(x) !== Math.sign(xs[i]));
    expect(signChanges.length).toBeGreaterThan(5);
    expect(Math.abs(xs[29])).toBeGreaterThan(1e-3);
  });

  it("Nesterov's iterates are Sutskever's look-ahead points θ_k + μ v_k", () => {
    const h = [1, 10, 100];
    const eta = 0.008;
    const mu = 0.8;
    const ours = minimise(
      quadratic(h, centre),
      { kind: "momentum", stepSize: eta, momentum: mu, nesterov: true },
      start,
      { steps: 20 },
    ).history;
    // Sutskever et al. (2013): v ← μ v − η ∇f(θ + μ v), θ ← θ + v.
    let theta = [...start];
    let v = [0, 0, 0];
    for (let k = 0; k < 20; k++) {
      const look = theta.map((t, i) => t + mu * v[i]);
      v = v.map((vi, i) => mu * vi - eta * h[i] * (look[i] - centre[i]));
      theta = theta.map((t, i) => t + v[i]);
      const lookAhead = theta.map((t, i) => t + mu * v[i]);
      ours[k].x.forEach((x, i) => expect(x).toBeCloseTo(lookAhead[i], 12));
    }
  });

  it("Nesterov damps the stiff direction that heavy ball rings in", () => {
    const xs = run(true, 30);
    expect(xs[0]).toBeCloseTo(-0.9, 12);
    for (const x of xs.slice(1)) expect(Math.abs(x)).toBeLessThan(1e-12);
    const heavy = run(false, 30);
    expect(heavy).not.toEqual(xs);
  });

  it("`kind: nesterov` is the same optimiser as momentum with nesterov: true", () => {
    const a = minimise(
      quadratic([1, 10, 100], centre),
      { kind: "nesterov", stepSize: 0.01, momentum: 0.9 },
      start,
      { steps: 10 },
    );
    const b = minimise(
      quadratic([1, 10, 100], centre),
      { kind: "momentum", stepSize: 0.01, momentum: 0.9, nesterov: true },
      start,
      { steps: 10 },
    );
    expect(a.x).toEqual(b.x);
  });
});

describe("Adam", () => {
  it("bias correction makes the first steps η·g/(|g| + ε), not (1 − β1)/√(1 − β2) times that", () => {
    // f(x) = 2 x0 − 0.5 x1 has the constant gradient (2, −0.5).
    const linear: Problem = {
      value: ([a, b]) => 2 * a - 0.5 * b,
      valueAndGradient: ([a, b]) => ({ value: 2 * a - 0.5 * b, gradient: [2, -0.5] }),
    };
    const adam = createOptimizer({ kind: "adam", stepSize: 0.1 });
    const first = adam.step(linear, [1, 1]);
    // m1 = 0.1·g = (0.2, −0.05), v1 = 0.001·g² = (0.004, 0.00025);
    // m̂1 = m1/0.1 = (2, −0.5), v̂1 = v1/0.001 = (4, 0.25).
    expect(first.x[0]).toBeCloseTo(1 - (0.1 * 2) / (2 + 1e-8), 15);
    expect(first.x[1]).toBeCloseTo(1 + (0.1 * 0.5) / (0.5 + 1e-8), 15);
    // Uncorrected, the step would have been 0.1 · 0.2 / √0.004 ≈ 0.316.
    expect(1 - first.x[0]).toBeLessThan(0.1 + 1e-12);
    // Step 2: m2 = 0.9·0.2 + 0.1·2 = 0.38, m̂2 = 0.38/0.19 = 2; v2 = 0.999·0.004 + 0.001·4 =
    // 0.007996, v̂2 = 0.007996/0.001999 = 4: again a step of η.
    const second = adam.step(linear, first.x);
    expect(second.x[0]).toBeCloseTo(
      first.x[0] - (0.1 * (0.38 / 0.19)) / (Math.sqrt(0.007996 / 0.001999) + 1e-8),
      14,
    );
    expect(second.value).toBeCloseTo(2 * first.x[0] - 0.5 * first.x[1], 14);
  });

  it("matches the formulas on a changing gradient (½ x², from x = 1)", () => {
    const adam = createOptimizer({
      kind: "adam",
      stepSize: 0.1,
      beta1: 0.8,
      beta2: 0.99,
      epsilon: 1e-6,
    });
    const problem = quadratic([1], [0]);
    const x1 = adam.step(problem, [1]).x[0];
    // g1 = 1: m̂ = 1, v̂ = 1.
    expect(x1).toBeCloseTo(1 - 0.1 / (1 + 1e-6), 14);
    const x2 = adam.step(problem, [x1]).x[0];
    const m2 = 0.8 * 0.2 + 0.2 * x1;
    const v2 = 0.99 * 0.01 + 0.01 * x1 * x1;
    const expected = x1 - (0.1 * (m2 / (1 - 0.8 ** 2))) / (Math.sqrt(v2 / (1 - 0.99 ** 2)) + 1e-6);
    expect(x2).toBeCloseTo(expected, 14);
  });
});

describe("SPSA", () => {
  it("reaches the minimum of a noisy quadratic (noise σ = 0.01) using only values", () => {
    for (const seed of [0, 1]) {
      const { problem, calls } = recording(noisyQuadratic(centre, 0.01, 7 + seed));
      const result = minimise(problem, { kind: "spsa", a: 0.2, c: 0.1, A: 10 }, start, {
        steps: 1000,
        seed,
      });
      expect(distance(result.x, centre)).toBeLessThan(0.05);
      expect(calls.every((c) => c.kind === "value")).toBe(true);
      // Two values per step, plus the final evaluation.
      expect(result.evaluations).toEqual({ values: 2001, gradients: 0 });
    }
  });

  it("gets close to Rosenbrock's minimum with slowly decaying gains", () => {
    const result = minimise(
      rosenbrock,
      { kind: "spsa", a: 0.003, c: 0.001, A: 10, alpha: 0.3 },
      [-1.2, 1],
      { steps: 20000, seed: 3 },
    );
    expect(result.value).toBeLessThan(0.01);
    expect(distance(result.x, [1, 1])).toBeLessThan(0.2);
  });

  it("perturbs by ±c_k along a Rademacher direction with Spall's gain sequences", () => {
    const { problem, calls } = recording(quadratic([1, 1], [0, 0]));
    const spsa = createOptimizer(
      { kind: "spsa", a: 0.5, c: 0.2, alpha: 0.602, gamma: 0.101, A: 3 },
      { seed: 11 },
    );
    let x = [0.3, -0.4];
    for (let k = 0; k < 4; k++) {
      const before = x;
      const step = spsa.step(problem, x);
      const [plus, minus] = calls.slice(2 * k, 2 * k + 2).map((c) => c.x);
      const ck = 0.2 / (k + 1) ** 0.101;
      const ak = 0.5 / (k + 1 + 3) ** 0.602;
      const delta = plus.map((p, i) => (p - before[i]) / ck);
      delta.forEach((d) => expect(Math.abs(d)).toBeCloseTo(1, 12));
      minus.forEach((m, i) => expect(m).toBeCloseTo(before[i] - ck * delta[i], 14));
      const fPlus = problem.value(plus);
      const fMinus = problem.value(minus);
      calls.length -= 2; // forget the two checking calls just made
      step.x.forEach((xi, i) =>
        expect(xi).toBeCloseTo(before[i] - (ak * (fPlus - fMinus)) / (2 * ck * delta[i]), 14),
      );
      expect(step.value).toBeCloseTo((fPlus + fMinus) / 2, 14);
      expect(step.valueAt).toBe("estimate");
      x = step.x;
    }
  });
});

describe("Nelder–Mead", () => {
  it("uses Gao & Han's adaptive coefficients (standard ones in one dimension)", () => {
    expect(coefficients(1)).toEqual({ rho: 1, chi: 2, psi: 0.5, sigma: 0.5 });
    expect(coefficients(2)).toEqual({ rho: 1, chi: 2, psi: 0.5, sigma: 0.5 });
    const c10 = coefficients(10);
    expect(c10.chi).toBeCloseTo(1.2, 15);
    expect(c10.psi).toBeCloseTo(0.7, 15);
    expect(c10.sigma).toBeCloseTo(0.9, 15);
  });

  it("finds Rosenbrock's minimum from (−1.2, 1) and stops on its tolerance", () => {
    const result = minimise(rosenbrock, { kind: "nelder-mead", tolerance: 1e-10 }, [-1.2, 1], {
      steps: 1000,
    });
    expect(result.stopReason).toBe("converged");
    expect(distance(result.x, [1, 1])).toBeLessThan(1e-6);
    expect(result.value).toBeLessThan(1e-12);
    // Its value is the best vertex's, so no extra final evaluation is made.
    const last = result.history.at(-1)!;
    expect(result.evaluations).toEqual(last.evaluations);
    expect(result.value).toBe(last.value);
  });

  it("keeps converging in 10 dimensions (where fixed coefficients stall)", () => {
    const n = 10;
    const h = Array.from({ length: n }, (_, i) => 10 ** (i / (n - 1)));
    const c = Array.from({ length: n }, (_, i) => i / n);
    const result = minimise(
      quadratic(h, c),
      { kind: "nelder-mead", tolerance: 1e-10 },
      new Array(n).fill(0),
      {
        steps: 5000,
      },
    );
    expect(result.stopReason).toBe("converged");
    expect(distance(result.x, c)).toBeLessThan(1e-6);
  });

  it("never returns a vertex worse than the one before (the best vertex only improves)", () => {
    const values = minimise(rosenbrock, { kind: "nelder-mead" }, [-1.2, 1], {
      steps: 200,
    }).history.map((h) => h.value);
    values.slice(1).forEach((v, i) => expect(v).toBeLessThanOrEqual(values[i]));
  });

  it("restarts its simplex when the caller moves the parameters", () => {
    const { problem, calls } = recording(quadratic([1, 1], [0, 0]));
    const nm = createOptimizer({ kind: "nelder-mead", initialStep: 0.25 });
    const first = nm.step(problem, [1, 1]);
    expect(calls.slice(0, 3).map((c) => c.x)).toEqual([
      [1, 1],
      [1.25, 1],
      [1, 1.25],
    ]);
    const used = calls.length;
    nm.step(problem, first.x);
    expect(calls[used].x).not.toEqual(first.x); // continues: no re-evaluation of the best vertex
    const again = calls.length;
    nm.step(problem, [5, 5]);
    expect(calls.slice(again, again + 3).map((c) => c.x)).toEqual([
      [5, 5],
      [5.25, 5],
      [5, 5.25],
    ]);
  });

  it("refuses minibatches, which would make its comparisons meaningless", () => {
    const nm = createOptimizer({ kind: "nelder-mead" });
    expect(nm.requiresFullBatch).toBe(true);
    expect(() => nm.step(quadratic([1], [0]), [1], [0, 1])).toThrow(/full training set/);
  });
});

describe("determinism", () => {
  const noisy = (seed: number) => noisyQuadratic(centre, 0.05, seed);
  it("the same seed gives the same SPSA run; another seed another run", () => {
    const spec: OptimizerSpec = { kind: "spsa", a: 0.2, c: 0.1 };
    const a = minimise(noisy(1), spec, start, { steps: 50, seed: 5 });
    const b = minimise(noisy(1), spec, start, { steps: 50, seed: 5 });
    const c = minimise(noisy(1), spec, start, { steps: 50, seed: 6 });
    expect(a.history).toEqual(b.history);
    expect(c.x).not.toEqual(a.x);
  });

  it("every kind is a pure function of problem, start and seed", () => {
    const kinds: OptimizerSpec[] = [
      { kind: "gd", stepSize: 0.01 },
      { kind: "momentum", stepSize: 0.01, momentum: 0.9 },
      { kind: "adam", stepSize: 0.05 },
      { kind: "nelder-mead" },
    ];
    for (const spec of kinds) {
      const run = () =>
        minimise(quadratic([1, 10, 100], centre), spec, start, { steps: 40, seed: 2 }).history;
      expect(run()).toEqual(run());
    }
  });
});
