import { describe, expect, it } from "vitest";
import { QuantumError } from "@/lib/quantum/errors";
import { parseNoiseModel } from "@/lib/quantum/noise";
import { simulate } from "@/lib/quantum/simulate";
import { CircuitBuilder } from "./build";

/** |observed − expected| ≤ 5σ for a binomial frequency. */
function expectFrequency(hits: number, shots: number, p: number): void {
  const sigma = Math.sqrt((shots * p * (1 - p)) / shots ** 2);
  expect(Math.abs(hits / shots - p)).toBeLessThanOrEqual(5 * sigma);
}

describe("noise models", () => {
  it("with zero noise gives exactly the ideal result", () => {
    const c = new CircuitBuilder(2, [2]).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
    const zero = parseNoiseModel({
      gates: { "*": { depolarizing: 0, amplitude_damping: 0 } },
      readout: { "*": [0, 0] },
    });
    const noisy = simulate(c, { shots: 500, seed: 4, noise: zero });
    const ideal = simulate(c, { shots: 500, seed: 4 });
    expect(noisy.perShot).toBe(false);
    expect(noisy.counts).toEqual(ideal.counts);
    expect(noisy.statevector).toEqual(ideal.statevector);
  });

  it("flips recorded bits at the configured readout error rates, without per-shot simulation", () => {
    const shots = 20_000;
    const c = new CircuitBuilder(2, [2]).x(0).measure(0, 0).measure(1, 1).build();
    const r = simulate(c, {
      shots,
      seed: 12,
      noise: parseNoiseModel({ readout: { "0": [0.1, 0.2], "*": [0.05, 0] } }),
    });
    expect(r.perShot).toBe(false);
    const bit = (i: number, v: string): number =>
      Object.entries(r.counts!).reduce((s, [k, n]) => s + (k[1 - i] === v ? n : 0), 0);
    expectFrequency(bit(0, "0"), shots, 0.2); // qubit 0 is |1⟩: p(1→0) = 0.2
    expectFrequency(bit(1, "1"), shots, 0.05); // qubit 1 is |0⟩: "*" gives p(0→1) = 0.05
  });

  it("amplitude damping on |1⟩ with γ leaves P(1) ≈ 1 − γ", () => {
    const shots = 10_000;
    const c = new CircuitBuilder(1, [1]).x(0).measure(0, 0).build();
    const r = simulate(c, {
      shots,
      seed: 21,
      noise: parseNoiseModel({ gates: { x: { amplitude_damping: 0.3 } } }),
    });
    expect(r.perShot).toBe(true);
    expect(r.statevectorNote).toBe("the final state differs from shot to shot (noise)");
    expectFrequency(r.counts!["1"], shots, 0.7);
    // each trajectory ends in |0⟩ or |1⟩, so the averaged probabilities are the same frequencies
    expect(r.probabilities["1"]).toBeCloseTo(r.counts!["1"] / shots, 12);
  });

  it("depolarizing p after X flips back with probability p/2", () => {
    const shots = 10_000;
    const c = new CircuitBuilder(1, [1]).x(0).measure(0, 0).build();
    const r = simulate(c, {
      shots,
      seed: 5,
      noise: parseNoiseModel({ gates: { "*": { depolarizing: 0.3 } } }),
    });
    expectFrequency(r.counts!["0"], shots, 0.15);
  });

  it("phase damping λ shrinks the averaged Bloch x component to √(1 − λ)", () => {
    const c = new CircuitBuilder(1).h(0).build();
    const r = simulate(c, {
      shots: 4000,
      seed: 8,
      noise: parseNoiseModel({ gates: { h: { phase_damping: 0.36 } } }),
    });
    expect(r.bloch[0].x).toBeCloseTo(0.8, 1);
    expect(r.bloch[0].z).toBeCloseTo(0, 1);
  });

  it("a gate's own entry replaces '*', and `qubits` restricts where channels act", () => {
    const c = new CircuitBuilder(2, [2]).x(0).x(1).measure(0, 0).measure(1, 1).build();
    const model = parseNoiseModel({
      gates: { "*": { amplitude_damping: 1 }, x: { amplitude_damping: 1, qubits: [1] } },
    });
    // only qubit 1 decays (certainly, γ = 1): c[1] = 0, c[0] = 1
    expect(simulate(c, { shots: 50, seed: 1, noise: model }).counts).toEqual({ "01": 50 });
  });

  it("reads gate names like __proto__ and toString as ordinary keys of the JSON", () => {
    const model = parseNoiseModel(
      JSON.parse(
        '{"gates": {"__proto__": {"depolarizing": 0.1}, "toString": {"phase_damping": 0.2}}}',
      ),
    );
    expect(Object.keys(model.gates ?? {})).toEqual(["__proto__", "toString"]);
    expect(Object.getPrototypeOf(model.gates)).toBe(Object.prototype);
    expect(model.gates?.toString).toEqual({ phase_damping: 0.2 });
  });

  const invalid: [unknown, string][] = [
    [
      { gates: { cx: { depolarizing: 2 } } },
      "invalid noise model at gates.cx.depolarizing: expected a probability between 0 and 1, got number 2",
    ],
    [
      { gates: { cx: { depolarising: 0.1 } } },
      'invalid noise model at gates.cx: unknown key "depolarising"; allowed: depolarizing, amplitude_damping, phase_damping, qubits',
    ],
    [
      { readout: { "1": [0.1] } },
      "invalid noise model at readout.1: expected [p(0→1), p(1→0)], got an array of 1",
    ],
    [5, "invalid noise model: expected an object, got number 5"],
    [
      { readout: { q1: [0, 0] } },
      'invalid noise model at readout: readout keys are qubit indices or "*", got "q1"',
    ],
    [
      { gates: { h: { qubits: [1.5] } } },
      "invalid noise model at gates.h.qubits.0: expected a qubit index, got number 1.5",
    ],
  ];
  for (const [json, message] of invalid) {
    it(`rejects ${JSON.stringify(json)}`, () => {
      expect(() => parseNoiseModel(json)).toThrow(new QuantumError("noise-model", message));
    });
  }
});
