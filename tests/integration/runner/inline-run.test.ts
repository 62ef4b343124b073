/**
 * Tiny circuits run inline, on the request's thread (lib/tasks/service.ts), the rest in the
 * pool: runTinyCircuit answers exactly what the pool's runCircuit would for a circuit within
 * INLINE_RUN_BUDGET, and leaves everything else to the pool.
 */
import { describe, expect, it } from "vitest";

import { INLINE_RUN_BUDGET, runCircuit, runTinyCircuit } from "@/lib/tasks/run-circuit";

/** The cell `npm run bench:api` measures: 5 qubits, 1024 shots. */
const CELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[5] q;
bit[5] c;
h q[0];
for uint i in [0:3] { cx q[i], q[i + 1]; }
rz(0.3) q[2];
ry(0.7) q[4];
c = measure q;`;

const run = (source: string, shots = 1024) => ({ source, shots, seed: 7, params: {} });

/** An outcome without its timing, which differs from run to run. */
function untimed(outcome: ReturnType<typeof runCircuit> | undefined) {
  if (!outcome?.ok) return outcome;
  const { elapsedMs, ...value } = outcome.value;
  expect(elapsedMs).toBeGreaterThanOrEqual(0);
  return { ok: true, value };
}

describe("tiny circuits run inline", () => {
  it("answers a 5-qubit, 1024-shot cell exactly as the pool's task does", () => {
    const inline = runTinyCircuit(run(CELL));
    expect(inline?.ok).toBe(true);
    expect(untimed(inline)).toEqual(untimed(runCircuit(run(CELL))));
  });

  it("binds inputs as the pool's task does", () => {
    const source =
      'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit[1] q;\nbit[1] c;\nry(theta) q[0];\nc = measure q;';
    const input = { ...run(source), params: { theta: 1.1 } };
    const inline = runTinyCircuit(input);
    expect(inline?.ok && inline.value.inputs).toEqual([{ name: "theta", value: 1.1 }]);
    expect(untimed(inline)).toEqual(untimed(runCircuit(input)));
  });

  it("leaves wider, longer, costlier or noisy circuits, and programs with errors, to the pool", () => {
    const wide = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[${INLINE_RUN_BUDGET.maxQubits + 1}] q;\nh q[0];`;
    const long = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nfor uint i in [0:${INLINE_RUN_BUDGET.maxOperations}] { h q[0]; }`;
    const noisy = `OPENQASM 3.0;\ninclude "stdgates.inc";\n#pragma noise depolarizing 0.01\nqubit[2] q;\nbit[2] c;\nh q[0];\nc = measure q;`;
    const broken = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nnosuchgate q[0];`;
    const padded = `${CELL}\n${"// a comment\n".repeat(INLINE_RUN_BUDGET.maxSourceBytes / 10)}`;
    expect(runTinyCircuit(run(wide))).toBeUndefined();
    expect(runTinyCircuit(run(long))).toBeUndefined();
    expect(runTinyCircuit(run(noisy))).toBeUndefined();
    expect(runTinyCircuit(run(broken))).toBeUndefined();
    expect(runTinyCircuit(run(padded))).toBeUndefined();
    // The cost counts shots: the same cell with many shots goes to the pool.
    expect(runTinyCircuit(run(CELL, 100_000))).toBeUndefined();
    // The pool's task still answers each of them (a result, or the located error).
    expect(runCircuit(run(wide)).ok).toBe(true);
    expect(runCircuit(run(broken))).toMatchObject({ ok: false, error: { code: "code" } });
  });
});
