/**
 * A noisy run simulates every shot separately, so a wide circuit with many shots is far more work
 * than the same circuit without noise. The web's run task (lib/tasks/run-circuit.ts, what
 * POST /api/run runs in the pool) must stop it with a limit that says why, well before the
 * deadline would have passed many times over, and not stall.
 */
import { describe, expect, it } from "vitest";
import { runCircuit } from "@/lib/tasks/run-circuit";

const WIDE_NOISY = `OPENQASM 3.0;
include "stdgates.inc";
#pragma noise depolarizing 0.01
qubit[24] q;
bit[24] c;
h q;
cx q[0], q[23];
c = measure q;`;

describe("a 24-qubit noisy run with many shots", () => {
  it("stops at the deadline limit with a message naming noise, shots and qubits", () => {
    const deadlineMs = 3_000;
    const started = performance.now();
    const outcome = runCircuit({
      source: WIDE_NOISY,
      shots: 100_000,
      seed: 1,
      params: {},
      limits: { deadlineMs },
    });
    const took = performance.now() - started;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: "limit", limit: "deadlineMs" });
    expect(outcome.error.message).toMatch(
      /^the simulation would run longer than the deadlineMs = 3000 ms limit: with noise every shot is simulated separately on 2\^24 amplitudes, and \d+ of 100000 shots ran in \d+ ms.*; use fewer shots or fewer qubits$/,
    );
    // Bounded: the deadline plus at most one shot's work (a few seconds on a loaded machine).
    expect(took).toBeLessThan(deadlineMs + 15_000);
  }, 60_000);
});
