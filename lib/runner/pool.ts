import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import type { TaskMap, WorkerMessage } from "./protocol";

/**
 * A fixed set of worker threads with a bounded queue, a hard deadline per task and a fair share
 * per client. The pool runs typed tasks by kind and knows nothing of what they mean.
 *
 * Why not run simulations in the request handler: a 20-qubit circuit occupies a core for a
 * second; on the request thread it would stall every other page. Why a hard deadline on top of
 * the engine's own (checked between operations): one huge operation can outlast it, so a task
 * still running at its deadline is stopped by terminating its worker, which is then replaced.
 * Why a per-client cap: without it one client pressing Run in a loop fills every worker and the
 * queue, and everyone else waits behind it. The pool is per process by design: each app node
 * simulates on its own cores.
 */
export interface PoolOptions {
  readonly workerFile: string;
  /** Worker threads; default: the number of cores. */
  readonly size?: number;
  /** Tasks waiting beyond the running ones; more are refused with QueueFullError. */
  readonly maxQueue?: number;
  /** Wall-clock limit of one task, from when it starts running (unless the task sets its own). */
  readonly deadlineMs: number;
  /** Tasks of one client running at once; default: half the workers (at least one). */
  readonly maxRunningPerClient?: number;
  /** Tasks of one client waiting at once; more are refused with ClientBusyError. */
  readonly maxQueuedPerClient?: number;
}

export interface RunOptions<Progress> {
  readonly signal?: AbortSignal;
  /** Who asked (see lib/http/client-key.ts); tasks without one share an anonymous share. */
  readonly client?: string;
  readonly onProgress?: (update: Progress) => void;
  /** This task's own deadline (e.g. longer for a training run than for one circuit). */
  readonly deadlineMs?: number;
}

export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The simulator is busy: too many circuits are waiting.");
    this.name = "QueueFullError";
  }
}

/** One client already has its share of running and waiting tasks. */
export class ClientBusyError extends Error {
  constructor(
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `You already have ${limit} runs waiting for the simulator (maxQueuedPerClient = ${limit}). Wait for them to finish, then try again.`,
    );
    this.name = "ClientBusyError";
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

/** A task's code threw inside the worker, or the worker died: a bug, not the user's fault. */
export class TaskCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TaskCrashedError";
  }
}

const ANONYMOUS = "anonymous";

interface PendingTask {
  readonly kind: string;
  readonly input: unknown;
  readonly client: string;
  readonly deadlineMs: number;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly signal?: AbortSignal;
  readonly onProgress?: (update: unknown) => void;
}

interface Slot {
  worker: Worker;
  running?: { id: number; pending: PendingTask; timer: NodeJS.Timeout; onAbort?: () => void };
}

export interface PoolStats {
  readonly size: number;
  readonly busy: number;
  readonly queued: number;
  readonly completed: number;
  readonly replacedWorkers: number;
}

export class WorkerPool<M extends TaskMap> {
  private readonly slots: Slot[] = [];
  private readonly queue: PendingTask[] = [];
  private readonly maxQueue: number;
  private readonly maxRunningPerClient: number;
  private readonly maxQueuedPerClient: number;
  private nextId = 1;
  private completed = 0;
  private replacedWorkers = 0;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: PoolOptions) {
    if (!existsSync(options.workerFile)) {
      throw new Error(
        `simulation worker bundle not found at ${options.workerFile}; run \`npm run build:worker\``,
      );
    }
    const size = options.size ?? Math.max(1, availableParallelism());
    // Tasks are small (a source of at most 64 KB); a deep queue lets a whole class press Run at
    // once, while the per-client caps keep any one client from hogging it.
    this.maxQueue = options.maxQueue ?? size * 64;
    this.maxRunningPerClient = options.maxRunningPerClient ?? Math.max(1, Math.floor(size / 2));
    this.maxQueuedPerClient = options.maxQueuedPerClient ?? 8;
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn() });
  }

  /**
   * Runs a task; rejects with QueueFullError, ClientBusyError, DeadlineError, CancelledError or
   * TaskCrashedError.
   */
  run<K extends keyof M & string>(
    kind: K,
    input: M[K]["input"],
    options: RunOptions<M[K]["progress"]> = {},
  ): Promise<M[K]["output"]> {
    if (this.closed) return Promise.reject(new Error("the simulation pool is closed"));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const client = options.client ?? ANONYMOUS;
    const deadlineMs = options.deadlineMs ?? this.options.deadlineMs;

    const refused = this.refusal(client);
    if (refused) return Promise.reject(refused);
    const startNow = this.startableSlot(client);
    return new Promise((resolve, reject) => {
      const pending: PendingTask = {
        kind,
        input,
        client,
        deadlineMs,
        resolve: resolve as (output: unknown) => void,
        reject,
        signal,
        onProgress: options.onProgress as ((update: unknown) => void) | undefined,
      };
      if (startNow) this.start(startNow, pending);
      else {
        this.queue.push(pending);
        signal?.addEventListener("abort", () => this.dropQueued(pending), { once: true });
      }
    });
  }

  /**
   * Why a task of `client` would be refused right now (a full queue, or the client's own share
   * used up), or undefined when it would be accepted. Lets a caller answer "busy" before it
   * commits to a streamed response.
   */
  refusal(client: string = ANONYMOUS): QueueFullError | ClientBusyError | undefined {
    if (this.startableSlot(client)) return undefined;
    if (this.queue.length >= this.maxQueue) return new QueueFullError(this.retryAfterSeconds());
    if (this.queuedFor(client) >= this.maxQueuedPerClient) {
      return new ClientBusyError(this.maxQueuedPerClient, this.retryAfterSeconds());
    }
    return undefined;
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

  /** Resolves once nothing runs and nothing waits (for a graceful shutdown). */
  drained(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every worker; waiting and running tasks are rejected (use drained() first to wait). */
  async close(): Promise<void> {
    this.closed = true;
    const closed = () => new Error("the simulation pool is closed");
    for (const pending of this.queue.splice(0)) pending.reject(closed());
    for (const slot of this.slots) if (slot.running) this.finish(slot).pending.reject(closed());
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private startableSlot(client: string): Slot | undefined {
    return this.runningFor(client) < this.maxRunningPerClient ? this.idleSlot() : undefined;
  }

  private idleSlot(): Slot | undefined {
    return this.slots.find((slot) => !slot.running);
  }

  private runningFor(client: string): number {
    let count = 0;
    for (const slot of this.slots) if (slot.running?.pending.client === client) count++;
    return count;
  }

  private queuedFor(client: string): number {
    let count = 0;
    for (const pending of this.queue) if (pending.client === client) count++;
    return count;
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.slots.every((slot) => !slot.running);
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerFile);
    worker.unref(); // an idle pool must not keep the process alive
    worker.on("message", (message: WorkerMessage) => this.onMessage(worker, message));
    worker.on("error", (error) => this.onWorkerDeath(worker, error));
    return worker;
  }

  private start(slot: Slot, pending: PendingTask): void {
    const id = this.nextId++;
    const timer = setTimeout(
      () => this.abortRunning(slot, new DeadlineError(pending.deadlineMs)),
      pending.deadlineMs,
    );
    const onAbort = () => this.abortRunning(slot, new CancelledError());
    pending.signal?.addEventListener("abort", onAbort, { once: true });
    slot.running = { id, pending, timer, onAbort };
    slot.worker.postMessage({ id, kind: pending.kind, input: pending.input });
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot?.running || slot.running.id !== message.id) return; // a late answer to an aborted task
    if (message.type === "progress") {
      slot.running.pending.onProgress?.(message.progress);
      return;
    }
    const { pending } = this.finish(slot);
    this.completed++;
    if (message.type === "done") pending.resolve(message.output);
    else pending.reject(new TaskCrashedError(message.message));
    this.startNext();
  }

  /** Stops the running task by terminating its worker (the only way to stop a busy thread). */
  private abortRunning(slot: Slot, reason: Error): void {
    if (!slot.running) return;
    const { pending } = this.finish(slot);
    void slot.worker.terminate();
    slot.worker = this.spawn();
    this.replacedWorkers++;
    pending.reject(reason);
    this.startNext();
  }

  private onWorkerDeath(worker: Worker, error: Error): void {
    const slot = this.slots.find((s) => s.worker === worker);
    if (!slot) return;
    console.error("simulation worker crashed", error);
    if (slot.running)
      this.abortRunning(slot, new TaskCrashedError("The simulator crashed while running this."));
    else {
      slot.worker = this.spawn();
      this.replacedWorkers++;
    }
  }

  private finish(slot: Slot): { pending: PendingTask } {
    const running = slot.running!;
    clearTimeout(running.timer);
    if (running.onAbort) running.pending.signal?.removeEventListener("abort", running.onAbort);
    slot.running = undefined;
    return { pending: running.pending };
  }

  /**
   * Fills idle workers from the queue: the oldest task whose client is under its running cap, so
   * a client with a long queue cannot keep the others waiting behind it.
   */
  private startNext(): void {
    for (let slot = this.idleSlot(); slot; slot = this.idleSlot()) {
      const index = this.queue.findIndex(
        (pending) => this.runningFor(pending.client) < this.maxRunningPerClient,
      );
      if (index < 0) break;
      const [next] = this.queue.splice(index, 1);
      this.start(slot, next);
    }
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private dropQueued(pending: PendingTask): void {
    const index = this.queue.indexOf(pending);
    if (index < 0) return;
    this.queue.splice(index, 1);
    pending.reject(new CancelledError());
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** A rough wait: queued tasks ÷ workers × a typical task time, at least one second. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.queue.length / this.slots.length) * 0.5));
  }
}
