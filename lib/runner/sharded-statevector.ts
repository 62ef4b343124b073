/**
 * Experimental: one state vector split across worker threads over a SharedArrayBuffer, reusing
 * the engine's kernels unchanged. Not wired into the app: on the 2-core machine it did not win
 * clearly (see bench/results/latest.md); kept so the measurement can be repeated.
 *
 * How a gate is shared out between 2 workers (no amplitude is touched by both):
 * - a gate that does not touch the top qubit n−1: worker w takes the half with bit n−1 = w, a
 *   contiguous (n−1)-qubit state, and runs the ordinary plan on it (so the fast uncontrolled
 *   kernels apply);
 * - a gate on the top qubit: worker w runs the gate with one extra control, "qubit s reads w",
 *   on the highest qubit s the gate does not use.
 * Consecutive gates may split the state differently, so every gate ends with both workers done
 * (one message round trip, small next to a pass over 2^20+ amplitudes).
 *
 * Node-only (worker_threads); lib/quantum stays free of Node imports.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { GateOp } from "@/lib/quantum/ir";
import { gateSpec } from "@/lib/quantum/gates";
import {
  gateOperands,
  planMatrix,
  planGate,
  runPlan,
  StateVector,
} from "@/lib/quantum/statevector";

const SHARDS = 2;

/** The worker runs this TypeScript module itself, so it first registers the TS loader. */
const WORKER_BOOT = `import("tsx/esm/api")
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })
  .catch((e) => { console.error(e); process.exit(1); });`;

interface WorkerSetup {
  readonly shardedStatevector: true;
  readonly buffer: SharedArrayBuffer;
  readonly numQubits: number;
  readonly shard: number;
}

/** The part of `op` that worker `shard` applies (see the module comment). */
function applyShard(amps: Float64Array, n: number, shard: number, op: GateOp): void {
  const touched = [...op.controls, ...op.qubits];
  if (!touched.includes(n - 1)) {
    const half = amps.length / 2;
    const view = new StateVector(n - 1, amps.subarray(shard * half, (shard + 1) * half));
    runPlan(view, planGate(n - 1, op));
    return;
  }
  let s = n - 2;
  while (touched.includes(s)) s--;
  const own = op.name === "unitary" ? 0 : gateSpec(op.name, op.params).controls;
  const matrix = op.name === "unitary" ? op.matrix! : gateSpec(op.name, op.params).target;
  const o = gateOperands(op, own);
  const plan = planMatrix(n, matrix, {
    targets: o.targets,
    controls: [...o.controls, s],
    controlStates: [...o.controlStates, shard as 0 | 1],
  });
  runPlan(new StateVector(n, amps), plan);
}

if (!isMainThread && (workerData as WorkerSetup | null)?.shardedStatevector) {
  const setup = workerData as WorkerSetup;
  const amps = new Float64Array(setup.buffer);
  parentPort!.on("message", (op: GateOp) => {
    try {
      applyShard(amps, setup.numQubits, setup.shard, op);
      parentPort!.postMessage({ ok: true });
    } catch (e) {
      parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
}

export class ShardedStateVector {
  readonly numQubits: number;
  readonly amps: Float64Array;
  private readonly workers: Worker[];

  /** |0…0⟩ on n ≥ 3 qubits, in shared memory, with two workers started. */
  constructor(numQubits: number) {
    if (!Number.isInteger(numQubits) || numQubits < 3 || numQubits > 30) {
      throw new RangeError(`a sharded state needs 3 to 30 qubits, got ${numQubits}`);
    }
    this.numQubits = numQubits;
    const buffer = new SharedArrayBuffer(16 * 2 ** numQubits);
    this.amps = new Float64Array(buffer);
    this.amps[0] = 1;
    this.workers = Array.from(
      { length: SHARDS },
      (_, shard) =>
        new Worker(WORKER_BOOT, {
          eval: true,
          workerData: { shardedStatevector: true, buffer, numQubits, shard } satisfies WorkerSetup,
        }),
    );
  }

  private send(worker: Worker, op: GateOp): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (r: { ok: boolean; message?: string }): void => {
        worker.off("error", reject);
        if (r.ok) resolve();
        else reject(new Error(`shard failed on gate "${op.name}": ${r.message}`));
      };
      worker.once("message", onMessage);
      worker.once("error", reject);
      worker.postMessage(op);
    });
  }

  /** Applies gates in order; each gate finishes on both shards before the next starts. */
  async apply(ops: readonly GateOp[]): Promise<void> {
    for (const op of ops) {
      planGate(this.numQubits, op); // validates operands once, with the engine's messages
      await Promise.all(this.workers.map((w) => this.send(w, op)));
    }
  }

  /** A StateVector over the shared amplitudes (no copy). */
  view(): StateVector {
    return new StateVector(this.numQubits, this.amps);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
