/**
 * The WebAssembly kernel backend (kernels in lib/quantum/wasm/assembly, compiled by
 * lib/runner/build-wasm.mjs; the host reads the file and passes the bytes or Module here).
 *
 * A run copies the state into the module's memory, applies the plan sequence there (cache-
 * blocked steps from blocking.ts; plans without a WebAssembly kernel run the TypeScript kernel
 * on a Float64Array view of that memory) and copies it back: two copies amortised over the
 * whole sequence. Memory grows once, before the run, so the view stays valid throughout.
 * Small states, short sequences and states too large for 32-bit memory use the TypeScript kernels.
 *
 * Memory layout (bytes): 0–64 Ki left to the module; then the general2 factor table, the chunk
 * offsets of a block, the op records, the gather buffer of one block, and the state.
 */
import { StateVector } from "../statevector";
import { tsBackend, installKernelBackend, type KernelBackend } from "./backend";
import { MAX_BLOCK_QUBITS, MAX_STEP_OPS, schedule } from "./blocking";
import { runPlan } from "./run-plan";
import { RECORD_BYTES, writeOps } from "./wasm-ops";

const PAGE = 65536;
const TAB = PAGE;
const OFFSETS = TAB + 1024;
const OPS = OFFSETS + (4 << MAX_BLOCK_QUBITS);
const SCRATCH = Math.ceil((OPS + MAX_STEP_OPS * RECORD_BYTES) / PAGE) * PAGE;
const STATE = SCRATCH + (16 << MAX_BLOCK_QUBITS);
/**
 * Fewest plans worth two copies of the state (in and out): a blocked WebAssembly general2 costs
 * about a third of the TypeScript one, and a copy about one pass.
 */
const MIN_PLANS = 4;
/** 2^27 amplitudes (2 GiB) after STATE still fit 32-bit addresses. */
const MAX_WASM_QUBITS = 27;

export interface WasmBackendOptions {
  /** Smallest state run in WebAssembly (smaller ones are cheaper in TS than two copies). */
  readonly minQubits?: number;
  /** Block size in qubits for cache blocking; 0 turns blocking off. */
  readonly blockQubits?: number;
  /** Largest state whose memory is kept while idle; after larger ones it is released. */
  readonly retainQubits?: number;
  /** Idle time before that release (runs in between reuse the memory). */
  readonly releaseAfterMs?: number;
}

/**
 * Random depth-20 circuits measured 1.1× faster in WebAssembly at n = 10, 1.3× at 12, 2× at 14
 * (copies included); below 12 qubits a run is a millisecond either way.
 */
export const DEFAULT_MIN_QUBITS = 12;
/** 2^14 amplitudes = 256 KB, an L2-sized block. */
export const DEFAULT_BLOCK_QUBITS = 14;

/** What the backend did, so tests and the bench can tell it ran in WebAssembly. */
export interface WasmStats {
  /** Plan sequences run in WebAssembly memory (the rest went to the TypeScript kernels). */
  runs: number;
  /** Steps of those runs: whole-state op passes, blocked steps and plans left to TypeScript. */
  wholeSteps: number;
  blockedSteps: number;
  tsSteps: number;
  /** Times the memory of a large state was released. */
  releases: number;
  /** Module instances created: none until the first state large enough for the kernels. */
  instances: number;
}

export interface WasmKernelBackend extends KernelBackend {
  readonly stats: WasmStats;
}

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  runOps(ops: number, n: number, a: number, dimBits: number, tab: number): void;
  runBlocked(
    ops: number,
    nOps: number,
    state: number,
    n: number,
    blockMask: number,
    blockBits: number,
    chunkBits: number,
    chunks: number,
    offsets: number,
    scratch: number,
    tab: number,
  ): void;
}

export function createWasmBackend(
  source: WebAssembly.Module | BufferSource,
  options: WasmBackendOptions = {},
): WasmKernelBackend {
  // Compiled and instantiated on the first state large enough to use them: a command-line run
  // of a small circuit never pays the compile (a measurable part of its start-up).
  let compiled = source instanceof WebAssembly.Module ? source : undefined;
  const instantiate = (): KernelExports => {
    compiled ??= new WebAssembly.Module(source as BufferSource);
    stats.instances++;
    return new WebAssembly.Instance(compiled, {}).exports as unknown as KernelExports;
  };
  let instance: KernelExports | undefined;
  const exports = (): KernelExports => (instance ??= instantiate());
  const minQubits = options.minQubits ?? DEFAULT_MIN_QUBITS;
  const blockQubits = Math.min(options.blockQubits ?? DEFAULT_BLOCK_QUBITS, MAX_BLOCK_QUBITS);
  // 2^20 amplitudes (16 MiB) by default: kept, a small worker footprint; beyond, released.
  const retainBytes = STATE + 16 * 2 ** (options.retainQubits ?? 20);

  /** Grows memory to hold `bytes`; false when the engine cannot have that much. */
  const reserve = (bytes: number): boolean => {
    const memory = exports().memory;
    const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
    if (missing <= 0) return true;
    try {
      memory.grow(missing);
      return true;
    } catch {
      return false;
    }
  };

  const stats: WasmStats = {
    runs: 0,
    wholeSteps: 0,
    blockedSteps: 0,
    tsSteps: 0,
    releases: 0,
    instances: 0,
  };

  // Memory cannot shrink: once idle after a large state, start over with a fresh instance so a
  // worker does not keep a state-sized buffer for its lifetime. Not at once: the next run (the
  // next lazy-qubit segment, shot or circuit) would pay the page faults of growing again.
  const releaseAfterMs = options.releaseAfterMs ?? 2000;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleRelease = (): void => {
    clearTimeout(releaseTimer);
    releaseTimer = setTimeout(() => {
      instance = undefined;
      stats.releases++;
    }, releaseAfterMs);
    // Node: a pending release must not keep a finished process alive.
    (releaseTimer as { unref?: () => void }).unref?.();
  };
  return {
    name: "wasm",
    stats,
    run(state, plans, clock) {
      const n = state.numQubits;
      if (n < minQubits || n > MAX_WASM_QUBITS || plans.length < MIN_PLANS) {
        return tsBackend.run(state, plans, clock);
      }
      const steps = schedule(n, plans, blockQubits);
      // Plans left to TypeScript would pay the copies for nothing (a QFT's merged diagonals).
      let inWasm = 0;
      for (const s of steps) inWasm += s.kind === "ts" ? 0 : s.ops.length;
      if (inWasm < MIN_PLANS || !reserve(STATE + 16 * state.dim)) {
        return tsBackend.run(state, plans, clock);
      }
      const k = exports();
      const buffer = k.memory.buffer;
      const view = new Float64Array(buffer, STATE, 2 * state.dim);
      view.set(state.amps);
      const inMemory = new StateVector(n, view);
      stats.runs++;
      try {
        for (const step of steps) {
          clock?.check();
          switch (step.kind) {
            case "ts":
              stats.tsSteps++;
              runPlan(inMemory, step.plan);
              break;
            case "whole":
              stats.wholeSteps++;
              writeOps(buffer, OPS, step.ops);
              k.runOps(OPS, step.ops.length, STATE, n, TAB);
              break;
            case "blocked":
              stats.blockedSteps++;
              writeOps(buffer, OPS, step.ops);
              new Int32Array(buffer, OFFSETS, step.offsets.length).set(step.offsets);
              k.runBlocked(
                OPS,
                step.ops.length,
                STATE,
                n,
                step.blockMask,
                step.blockBits,
                step.chunkBits,
                step.offsets.length,
                OFFSETS,
                SCRATCH,
                TAB,
              );
              break;
          }
        }
      } finally {
        state.amps.set(view);
        if (k.memory.buffer.byteLength > retainBytes) scheduleRelease();
      }
    },
  };
}

/** Installs the WebAssembly kernels as the engine's backend (see backend.ts). */
export function installWasmKernels(
  source: WebAssembly.Module | BufferSource,
  options?: WasmBackendOptions,
): WasmKernelBackend {
  const backend = createWasmBackend(source, options);
  installKernelBackend(backend);
  return backend;
}
