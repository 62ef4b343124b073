import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import type {
  GradeJob,
  GradeOutcome,
  QuizJob,
  QuizOutcome,
  RunJob,
  RunOutcome,
  WorkerJob,
} from "./job";

type Outcome = RunOutcome | GradeOutcome | QuizOutcome;

/**
 * A fixed set of simulation worker threads with a bounded queue and a hard deadline per job.
 *
 * Why not run simulations in the request handler: a 20-qubit circuit occupies a core for a
 * second; on the request thread it would stall every other page. Why a hard deadline on top of
 * the engine's own (checked between operations): one huge operation can outlast it, so a job
 * still running at its deadline is stopped by terminating its worker, which is then replaced.
 * The pool is per process by design: each app node simulates on its own cores.
 */
export interface PoolOptions {
  readonly workerFile: string;
  /** Worker threads; default: the number of cores. */
  readonly size?: number;
  /** Jobs waiting beyond the running ones; more are refused with QueueFullError. */
  readonly maxQueue?: number;
  /** Wall-clock limit of one job, from when it starts running. */
  readonly deadlineMs: number;
}

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The simulator is busy: too many circuits are waiting.");
    this.name = "QueueFullError";
  }
}

export class DeadlineError extends Error {
  constructor(readonly deadlineMs: number) {
    super(
      `Stopped after ${deadlineMs / 1000} s: the circuit exceeded the time limit (deadlineMs = ${deadlineMs}).`,
    );
    this.name = "DeadlineError";
  }
}

export class CancelledError extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "CancelledError";
  }
}

interface PendingJob {
  readonly job: WorkerJob;
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: Error) => void;
  readonly signal?: AbortSignal;
}

interface Slot {
  worker: Worker;
  running?: { id: number; pending: PendingJob; timer: NodeJS.Timeout; onAbort?: () => void };
}

export interface PoolStats {
  readonly size: number;
  readonly busy: number;
  readonly queued: number;
  readonly completed: number;
  readonly replacedWorkers: number;
}

export class SimulationPool {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingJob[] = [];
  private readonly maxQueue: number;
  private nextId = 1;
  private completed = 0;
  private replacedWorkers = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    if (!existsSync(options.workerFile)) {
      throw new Error(
        `simulation worker bundle not found at ${options.workerFile}; run \`npm run build:worker\``,
      );
    }
    const size = options.size ?? Math.max(1, availableParallelism());
    // Jobs are small (a source of at most 64 KB); a deep queue lets a whole class press Run at
    // once, while the per-job deadline and the rate limit keep any one client from hogging it.
    this.maxQueue = options.maxQueue ?? size * 64;
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn() });
  }

  /** Runs a job; rejects with QueueFullError, DeadlineError or CancelledError. */
  run(job: RunJob, signal?: AbortSignal): Promise<RunOutcome>;
  run(job: GradeJob, signal?: AbortSignal): Promise<GradeOutcome>;
  run(job: QuizJob, signal?: AbortSignal): Promise<QuizOutcome>;
  run(job: WorkerJob, signal?: AbortSignal): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error("the simulation pool is closed"));
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const idle = this.slots.find((slot) => !slot.running);
    if (!idle && this.queue.length >= this.maxQueue) {
      return Promise.reject(new QueueFullError(this.retryAfterSeconds()));
    }
    return new Promise<Outcome>((resolve, reject) => {
      const pending: PendingJob = { job, resolve, reject, signal };
      if (idle) this.start(idle, pending);
      else {
        this.queue.push(pending);
        signal?.addEventListener("abort", () => this.dropQueued(pending), { once: true });
      }
    });
  }

  stats(): PoolStats {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.running).length,
      queued: this.queue.length,
      completed: this.completed,
      replacedWorkers: this.replacedWorkers,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0))
      pending.reject(new Error("the simulation pool is closed"));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerFile);
    worker.unref(); // an idle pool must not keep the process alive
    worker.on("message", (message: { id: number; outcome: Outcome }) =>
      this.onMessage(worker, message),
    );
    worker.on("error", (error) => this.onWorkerDeath(worker, error));
    return worker;
  }

  private start(slot: Slot, pending: PendingJob): void {
    const id = this.nextId++;
    const timer = setTimeout(
      () => this.abortRunning(slot, new DeadlineError(this.options.deadlineMs)),
      this.options.deadlineMs,
    );
    const onAbort = () => this.abortRunning(slot, new CancelledError());
    pending.signal?.addEventListener("abort", onAbort, { once: true });
    slot.running = { id, pending, timer, onAbort };
    slot.worker.postMessage({ id, job: pending.job });
  }

  private onMessage(worker: Worker, message: { id: number; outcome: Outcome }): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot?.running || slot.running.id !== message.id) return; // a late answer to an aborted job
    const { pending } = this.finish(slot);
    this.completed++;
    pending.resolve(message.outcome);
    this.startNext(slot);
  }

  /** Stops the running job by terminating its worker (the only way to stop a busy thread). */
  private abortRunning(slot: Slot, reason: Error): void {
    if (!slot.running) return;
    const { pending } = this.finish(slot);
    void slot.worker.terminate();
    slot.worker = this.spawn();
    this.replacedWorkers++;
    pending.reject(reason);
    this.startNext(slot);
  }

  private onWorkerDeath(worker: Worker, error: Error): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot) return;
    console.error("simulation worker crashed", error);
    if (slot.running)
      this.abortRunning(slot, new Error("The simulator crashed while running this circuit."));
    else {
      slot.worker = this.spawn();
      this.replacedWorkers++;
    }
  }

  private finish(slot: Slot): { pending: PendingJob } {
    const running = slot.running!;
    clearTimeout(running.timer);
    if (running.onAbort) running.pending.signal?.removeEventListener("abort", running.onAbort);
    slot.running = undefined;
    return { pending: running.pending };
  }

  private startNext(slot: Slot): void {
    const next = this.queue.shift();
    if (next) this.start(slot, next);
  }

  private dropQueued(pending: PendingJob): void {
    const index = this.queue.indexOf(pending);
    if (index < 0) return;
    this.queue.splice(index, 1);
    pending.reject(new CancelledError());
  }

  /** A rough wait: queued jobs ÷ workers × a typical job time, at least one second. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.queue.length / this.slots.length) * 0.5));
  }
}
