import { afterEach, describe, expect, it } from "vitest";

import { CancelledError, DeadlineError, QueueFullError, SimulationPool } from "@/lib/runner/pool";
import { WORKER_BUNDLE } from "@/lib/runner/worker-file";

const BELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;`;

/**
 * A job that keeps a worker busy far longer than any deadline below: 22 live qubits and 16k gates
 * whose overlapping operands defeat gate fusion (each iteration needs its own memory passes).
 */
const RUNAWAY = `OPENQASM 3.0;
include "stdgates.inc";
qubit[22] q;
h q; // touch every qubit, so the whole 2^22-amplitude state is live
for uint i in [1:4000] {
  h q[0];
  cx q[0], q[21];
  rz(0.1) q[21];
  cx q[21], q[5];
}`;

let pool: SimulationPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const noEngineDeadline = { deadlineMs: 600_000 };

describe("simulation pool", () => {
  it("runs a circuit in a worker and returns counts in Qiskit order", async () => {
    pool = new SimulationPool({ workerFile: WORKER_BUNDLE, size: 1, deadlineMs: 10_000 });
    const outcome = await pool.run({ source: BELL, shots: 500, seed: 7, params: {} });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(Object.keys(outcome.result.counts!).sort()).toEqual(["00", "11"]);
    expect(Object.values(outcome.result.counts!).reduce((a, b) => a + b, 0)).toBe(500);
    expect(outcome.result.layout).toBeDefined();
  });

  it("reports bad code as a located error value, not an exception", async () => {
    pool = new SimulationPool({ workerFile: WORKER_BUNDLE, size: 1, deadlineMs: 10_000 });
    const outcome = await pool.run({
      source: "OPENQASM 3.0;\nqubit q;\nhh q;",
      shots: 10,
      params: {},
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: "code", line: 3, column: 1 });
  });

  it("stops a runaway job at the deadline, replaces the worker and keeps serving", async () => {
    pool = new SimulationPool({ workerFile: WORKER_BUNDLE, size: 1, deadlineMs: 1_000 });
    const started = Date.now();
    await expect(
      pool.run({ source: RUNAWAY, shots: 1, params: {}, limits: noEngineDeadline }),
    ).rejects.toBeInstanceOf(DeadlineError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(pool.stats().replacedWorkers).toBe(1);
    const after = await pool.run({ source: BELL, shots: 10, params: {} });
    expect(after.ok).toBe(true);
  });

  it("refuses work beyond the queue bound while earlier jobs still complete", async () => {
    pool = new SimulationPool({
      workerFile: WORKER_BUNDLE,
      size: 1,
      maxQueue: 2,
      deadlineMs: 10_000,
    });
    const jobs = Array.from({ length: 6 }, () =>
      pool!.run({ source: BELL, shots: 100, params: {} }),
    );
    const settled = await Promise.allSettled(jobs);
    const refused = settled.filter((s) => s.status === "rejected");
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(3); // 1 running + 2 queued
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      const reason = (r as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(QueueFullError);
      expect(reason.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it("cancels a running job by stopping its worker", async () => {
    pool = new SimulationPool({ workerFile: WORKER_BUNDLE, size: 1, deadlineMs: 60_000 });
    const controller = new AbortController();
    const running = pool.run(
      { source: RUNAWAY, shots: 1, params: {}, limits: noEngineDeadline },
      controller.signal,
    );
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(pool.stats()).toMatchObject({ busy: 0, replacedWorkers: 1 });
  });
});
