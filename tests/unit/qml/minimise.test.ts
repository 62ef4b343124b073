import { describe, expect, it } from "vitest";
import { createOptimizer, minimise, needsGradient, type Problem } from "@/lib/qml/optimizers";
import { quadratic, recording } from "./problems";

const bowl = () => quadratic([1, 4], [1, -1]);

describe("minimise", () => {
  it("reports every step with cumulative evaluations, then evaluates the final point once", () => {
    const seen: number[] = [];
    const result = minimise(bowl(), { kind: "gd", stepSize: 0.1 }, [0, 0], {
      steps: 5,
      onStep: (p) => seen.push(p.step),
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(result.history.map((h) => h.evaluations)).toEqual(
      [1, 2, 3, 4, 5].map((k) => ({ values: 0, gradients: k })),
    );
    expect(result.evaluations).toEqual({ values: 1, gradients: 5 });
    expect(result.stopReason).toBe("steps");
    expect(result.value).toBe(bowl().value(result.x));
    // A step's value is the loss where it started: step 1 at x0, step 2 at step 1's result.
    expect(result.history[0].value).toBe(bowl().value([0, 0]));
    expect(result.history[1].value).toBe(bowl().value(result.history[0].x));
  });

  it("asks shouldStop before each step and stops when told (cancellation)", () => {
    const asked: number[] = [];
    const result = minimise(bowl(), { kind: "adam", stepSize: 0.1 }, [0, 0], {
      steps: 100,
      shouldStop: ({ steps }) => (asked.push(steps), steps === 3),
    });
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(result.history).toHaveLength(3);
    expect(result.stopReason).toBe("stopped");
  });

  it("stops when an evaluation budget is used up", () => {
    const result = minimise(bowl(), { kind: "spsa", a: 0.1, c: 0.1 }, [0, 0], {
      steps: 100,
      maxEvaluations: { values: 7 },
    });
    // Two values per step: after 4 steps (8 values) the budget of 7 is reached.
    expect(result.history).toHaveLength(4);
    expect(result.stopReason).toBe("budget");
  });

  it("passes each step's batch to every evaluation of that step", () => {
    const { problem, calls } = recording(bowl());
    const batches = [[0, 1], [2], [3, 4, 5]];
    minimise(problem, { kind: "spsa", a: 0.1, c: 0.1 }, [0, 0], {
      steps: 3,
      batch: (step) => batches[step - 1],
    });
    expect(calls.map((c) => c.batch)).toEqual([
      [0, 1],
      [0, 1],
      [2],
      [2],
      [3, 4, 5],
      [3, 4, 5],
      undefined, // the final value is on the full objective
    ]);
  });

  it("with zero steps returns the start and its value", () => {
    const result = minimise(bowl(), { kind: "gd", stepSize: 0.1 }, [2, 3], { steps: 0 });
    expect(result.x).toEqual([2, 3]);
    expect(result.value).toBe(bowl().value([2, 3]));
    expect(result.history).toEqual([]);
  });
});

describe("errors are reported, not propagated as NaN", () => {
  const valueOnly: Problem = { value: (x) => x[0] ** 2 };

  it("gradient kinds need valueAndGradient", () => {
    for (const spec of [
      { kind: "gd", stepSize: 0.1 },
      { kind: "momentum", stepSize: 0.1, momentum: 0.5 },
      { kind: "adam", stepSize: 0.1 },
    ] as const) {
      expect(needsGradient(spec)).toBe(true);
      expect(() => createOptimizer(spec).step(valueOnly, [1])).toThrow(/needs a gradient/);
    }
    expect(needsGradient({ kind: "spsa", a: 1, c: 1 })).toBe(false);
    expect(needsGradient({ kind: "nelder-mead" })).toBe(false);
  });

  it("a NaN objective or gradient throws at once", () => {
    expect(() =>
      createOptimizer({ kind: "spsa", a: 1, c: 1 }).step({ value: () => NaN }, [1]),
    ).toThrow(/not a finite number/);
    const badGradient: Problem = {
      value: () => 0,
      valueAndGradient: () => ({ value: 0, gradient: [Infinity] }),
    };
    expect(() => createOptimizer({ kind: "gd", stepSize: 1 }).step(badGradient, [1])).toThrow(
      /gradient entry 0/,
    );
    const shortGradient: Problem = {
      value: () => 0,
      valueAndGradient: () => ({ value: 0, gradient: [1] }),
    };
    expect(() =>
      createOptimizer({ kind: "adam", stepSize: 1 }).step(shortGradient, [1, 2]),
    ).toThrow(/1 entries for 2 parameters/);
  });

  it("bad hyperparameters are rejected by name", () => {
    expect(() => createOptimizer({ kind: "gd", stepSize: 0 })).toThrow(/stepSize/);
    expect(() => createOptimizer({ kind: "momentum", stepSize: 1, momentum: 1 })).toThrow(
      /momentum/,
    );
    expect(() => createOptimizer({ kind: "adam", stepSize: 1, beta2: 1.5 })).toThrow(/beta2/);
    expect(() => createOptimizer({ kind: "spsa", a: 1, c: -1 })).toThrow(/\bc\b/);
    expect(() => createOptimizer({ kind: "nelder-mead", initialStep: -1 })).toThrow(/initialStep/);
    expect(() => minimise(bowl(), { kind: "gd", stepSize: 1 }, [0, 0], { steps: 1.5 })).toThrow(
      /steps/,
    );
  });
});
