import { afterEach, describe, expect, it } from "vitest";

import {
  CancelledError,
  ClientBusyError,
  DeadlineError,
  QueueFullError,
  WorkerPool,
  type PoolOptions,
} from "@/lib/runner/pool";
import type { Tasks } from "@/lib/tasks/registry";
import { WORKER_BUNDLE } from "@/lib/runner/worker-file";

import { RUNAWAY_CIRCUIT } from "../../support/runaway-circuit";

const BELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;`;

let pool: WorkerPool<Tasks> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function newPool(options: Omit<PoolOptions, "workerFile">): WorkerPool<Tasks> {
  pool = new WorkerPool<Tasks>({ workerFile: WORKER_BUNDLE, ...options });
  return pool;
}

const noEngineDeadline = { deadlineMs: 600_000 };
const bell = { source: BELL, shots: 100, params: {} };
const runaway = { source: RUNAWAY_CIRCUIT, shots: 1, params: {}, limits: noEngineDeadline };

describe("simulation pool", () => {
  it("runs a circuit in a worker and returns counts in Qiskit order", async () => {
    const outcome = await newPool({ size: 1, deadlineMs: 10_000 }).run("run", {
      source: BELL,
      shots: 500,
      seed: 7,
      params: {},
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(Object.keys(outcome.value.counts!).sort()).toEqual(["00", "11"]);
    expect(Object.values(outcome.value.counts!).reduce((a, b) => a + b, 0)).toBe(500);
    expect(outcome.value.layout).toBeDefined();
  });

  it("reports bad code as a located error value, not an exception", async () => {
    const outcome = await newPool({ size: 1, deadlineMs: 10_000 }).run("run", {
      source: "OPENQASM 3.0;\nqubit q;\nhh q;",
      shots: 10,
      params: {},
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: "code", line: 3, column: 1 });
  });

  it("runs export tasks off the request thread, with located errors", async () => {
    const p = newPool({ size: 1, deadlineMs: 10_000 });
    const exported = await p.run("export", { source: BELL, format: "qiskit", params: {} });
    expect(exported.ok && exported.value).toMatch(/QuantumCircuit/);
    const bad = await p.run("export", {
      source: "OPENQASM 3.0;\nqubit q;\nhh q;",
      format: "qasm2",
      params: {},
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "code", line: 3 } });
  });

  it("stops a runaway job at the deadline, replaces the worker and keeps serving", async () => {
    const p = newPool({ size: 1, deadlineMs: 1_000 });
    const started = Date.now();
    await expect(p.run("run", runaway)).rejects.toBeInstanceOf(DeadlineError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(p.stats().replacedWorkers).toBe(1);
    // The replacement worker is still starting when this is sent, and a job's clock runs from
    // dispatch: on a loaded machine the start alone can take the pool's 1 s.
    const after = await p.run("run", bell, { deadlineMs: 30_000 });
    expect(after.ok).toBe(true);
  });

  it("honours a deadline set by one task", async () => {
    const p = newPool({ size: 1, deadlineMs: 60_000 });
    await expect(p.run("run", runaway, { deadlineMs: 500 })).rejects.toMatchObject({
      name: "DeadlineError",
      deadlineMs: 500,
    });
  });

  it("refuses work beyond the queue bound while earlier jobs still complete", async () => {
    const p = newPool({ size: 1, maxQueue: 2, deadlineMs: 10_000 });
    // Different clients, so the per-client caps do not refuse first.
    const jobs = Array.from({ length: 6 }, (_, i) => p.run("run", bell, { client: `c${i}` }));
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

  it("caps one client's waiting tasks without refusing anyone else", async () => {
    const p = newPool({ size: 1, maxQueuedPerClient: 2, deadlineMs: 10_000 });
    const greedy = Array.from({ length: 5 }, () => p.run("run", bell, { client: "greedy" }));
    const other = p.run("run", bell, { client: "other" });
    const settled = await Promise.allSettled(greedy);
    // One running and two waiting; the rest refused with a reason naming the limit.
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(3);
    for (const r of settled.filter((s) => s.status === "rejected")) {
      const reason = (r as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(ClientBusyError);
      expect(reason.message).toMatch(/maxQueuedPerClient = 2/);
    }
    expect((await other).ok).toBe(true);
  });

  it("serves a second client before a busy client's backlog", async () => {
    // Two workers, one running task per client: the greedy client's second task waits for its
    // own first one (a runaway), while the newcomer takes the free worker at once.
    const p = newPool({ size: 2, maxRunningPerClient: 1, deadlineMs: 60_000 });
    const greedy = [
      p.run("run", runaway, { client: "greedy" }),
      p.run("run", runaway, { client: "greedy" }),
    ];
    const other = await p.run("run", bell, { client: "other" });
    expect(other.ok).toBe(true);
    // Answered while the greedy backlog still waits behind its own running task.
    expect(p.stats()).toMatchObject({ busy: 1, queued: 1 });
    // Handled before close() rejects them, so no rejection is ever unhandled.
    const settled = Promise.allSettled(greedy);
    await p.close();
    await settled;
  });

  it("answers a task kind the worker does not know with TaskCrashedError, and keeps serving", async () => {
    const p = newPool({ size: 1, deadlineMs: 10_000 });
    await expect(p.run("nope" as "run", bell)).rejects.toMatchObject({
      name: "TaskCrashedError",
      message: /unknown task kind "nope"/,
    });
    expect((await p.run("run", bell)).ok).toBe(true);
  });

  it("cancels a running job by stopping its worker", async () => {
    const p = newPool({ size: 1, deadlineMs: 60_000 });
    const controller = new AbortController();
    const running = p.run("run", runaway, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(p.stats()).toMatchObject({ busy: 0, replacedWorkers: 1 });
  });

  it("resolves drained() once running and waiting tasks are done", async () => {
    const p = newPool({ size: 1, deadlineMs: 10_000 });
    const jobs = [p.run("run", bell, { client: "a" }), p.run("run", bell, { client: "b" })];
    await p.drained();
    expect(p.stats()).toMatchObject({ busy: 0, queued: 0, completed: 2 });
    await Promise.all(jobs);
  });
});
