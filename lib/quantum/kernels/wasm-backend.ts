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
  /** Largest state whose memory is kept for the next run; larger runs release theirs. */
  readonly retainQubits?: number;
}

/** Measured on the bench (see README): below 2^14 amplitudes the copies cost more than they save. */
export const DEFAULT_MIN_QUBITS = 14;
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
  const compiled = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
  const instantiate = () =>
    new WebAssembly.Instance(compiled, {}).exports as unknown as KernelExports;
  let k = instantiate();
  const minQubits = options.minQubits ?? DEFAULT_MIN_QUBITS;
  const blockQubits = Math.min(options.blockQubits ?? DEFAULT_BLOCK_QUBITS, MAX_BLOCK_QUBITS);
  // 2^20 amplitudes (16 MiB) by default: kept, a small worker footprint; beyond, released.
  const retainBytes = STATE + 16 * 2 ** (options.retainQubits ?? 20);

  /** Grows memory to hold `bytes`; false when the engine cannot have that much. */
  const reserve = (bytes: number): boolean => {
    const missing = Math.ceil((bytes - k.memory.buffer.byteLength) / PAGE);
    if (missing <= 0) return true;
    try {
      k.memory.grow(missing);
      return true;
    } catch {
      return false;
    }
  };

  const stats: WasmStats = { runs: 0, wholeSteps: 0, blockedSteps: 0, tsSteps: 0 };
  return {
    name: "wasm",
    stats,
    run(state, plans, clock) {
      const n = state.numQubits;
      if (n < minQubits || n > MAX_WASM_QUBITS || plans.length < MIN_PLANS) {
        return tsBackend.run(state, plans, clock);
      }
      const steps = schedule(n, plans, blockQubits);
      if (steps.every((s) => s.kind === "ts") || !reserve(STATE + 16 * state.dim)) {
        return tsBackend.run(state, plans, clock);
      }
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
        // Memory cannot shrink: after a large state, start over with a fresh instance so an idle
        // worker does not keep a copy-sized buffer for its lifetime (instantiating is cheap).
        if (k.memory.buffer.byteLength > retainBytes) k = instantiate();
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
