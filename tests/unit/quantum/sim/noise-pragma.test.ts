/**
 * Circuits that name their own noise (`#pragma noise`): statistics against analytical values at
 * a fixed seed, how the circuit's model meets a caller's, and what the result says about it.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { finalState, simulate } from "@/lib/quantum/simulate";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** |observed − expected| ≤ 5σ for a frequency over `shots` draws with probability p. */
function expectFrequency(hits: number, shots: number, p: number): void {
  const sigma = Math.sqrt((p * (1 - p)) / shots);
  expect(Math.abs(hits / shots - p)).toBeLessThanOrEqual(5 * sigma);
}

function run(pragmas: string, body: string, shots: number, seed = 7) {
  return simulate(compile(`${HEAD}${pragmas}\nqubit[1] q;\nbit[1] c;\n${body}`), { shots, seed });
}

describe("noise named by the circuit", () => {
  const shots = 20_000;

  it("readout p after X records 0 with probability p", () => {
    const r = run("#pragma noise readout 0 0.1", "x q[0];\nc[0] = measure q[0];", shots);
    expect(r.perShot).toBe(false); // readout error only flips recorded bits
    expectFrequency(r.counts!["0"] ?? 0, shots, 0.1);
    expect(r.noise).toEqual({ readout: { "*": [0, 0.1] } });
  });

  it("depolarizing p after X gives P(0) = p/2, the density-matrix value", () => {
    // Ketbook's (and Qiskit's) depolarizing channel replaces the state by I/2 with probability
    // p: ρ → (1 − p)ρ + p·I/2, so P(0) = p/2. (The "X, Y or Z each with p/3" convention would
    // give 2p/3; that is a different channel with the same name.)
    const p = 0.2;
    const r = run(`#pragma noise x depolarizing ${p}`, "x q[0];\nc[0] = measure q[0];", shots);
    expect(r.perShot).toBe(true);
    expectFrequency(r.counts!["0"] ?? 0, shots, p / 2);
    // The listed probabilities are the average over trajectories: the same estimate.
    expectFrequency(Math.round((r.probabilities["0"] ?? 0) * shots), shots, p / 2);
  });

  it("amplitude damping γ after X gives P(0) = γ", () => {
    const r = run("#pragma noise amplitude_damping 0.3", "x q[0];\nc[0] = measure q[0];", shots);
    expectFrequency(r.counts!["0"] ?? 0, shots, 0.3);
  });

  it("phase damping λ on |+⟩ shrinks ⟨X⟩ to √(1−λ): expectation values average the trajectories", () => {
    const n = 4000;
    const r = run("#pragma noise h phase_damping 0.36\n#pragma expect X0", "h q[0];", n);
    // Each trajectory's ⟨X⟩ is 0 (a jump) or √(1−λ)/(1−λ/2) (none): standard deviation < 0.5.
    expect(Math.abs(r.expectations[0].value - 0.8)).toBeLessThan((5 * 0.5) / Math.sqrt(n));
    expect(Math.abs(r.bloch[0].x - 0.8)).toBeLessThan((5 * 0.5) / Math.sqrt(n));
    expect(r.statevector).toBeNull();
    expect(r.statevectorNote).toBe("the final state differs from shot to shot (noise)");
  });

  it("is reproducible at a fixed seed", () => {
    const a = run("#pragma noise depolarizing 0.3", "h q[0];\nc[0] = measure q[0];", 500, 3);
    const b = run("#pragma noise depolarizing 0.3", "h q[0];\nc[0] = measure q[0];", 500, 3);
    expect(a.counts).toEqual(b.counts);
  });
});

describe("merge rules", () => {
  it("a gate's own entry replaces `*` for that gate", () => {
    const r = run(
      "#pragma noise depolarizing 1\n#pragma noise x depolarizing 0",
      "x q[0];\nc[0] = measure q[0];",
      200,
    );
    expect(r.counts).toEqual({ "1": 200 });
    expect(r.perShot).toBe(false);
  });

  it("a caller's model is laid over the circuit's, entry by entry", () => {
    const circuit = compile(
      `${HEAD}#pragma noise readout 1\n#pragma noise readout q[1] 1\n#pragma noise cx depolarizing 0.5\nqubit[2] q;\nbit[2] c;\nc = measure q;`,
    );
    const r = simulate(circuit, {
      shots: 100,
      seed: 1,
      noise: { readout: { "*": [0, 0] }, gates: { h: { depolarizing: 0.1 } } },
    });
    // "*" is the caller's (no flips on qubit 0); qubit 1 keeps the circuit's certain flip.
    expect(r.counts).toEqual({ "10": 100 });
    expect(r.noise).toEqual({
      gates: { cx: { depolarizing: 0.5 }, h: { depolarizing: 0.1 } },
      readout: { "*": [0, 0], "1": [1, 1] },
    });
  });

  it("finalState describes the ideal circuit, whatever its pragmas say", () => {
    const circuit = compile(`${HEAD}#pragma noise depolarizing 1\nqubit q;\nx q;`);
    expect(finalState(circuit).amplitude(1)).toEqual([1, 0]);
  });

  it("a model of zero probabilities is no noise at all", () => {
    const r = run("#pragma noise depolarizing 0\n#pragma noise readout 0", "h q[0];", 10);
    expect(r.perShot).toBe(false);
    expect(r.noise).toBeUndefined();
    expect(r.statevector).not.toBeNull();
  });
});
