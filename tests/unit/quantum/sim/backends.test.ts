/**
 * One fixture of circuits run over every kernel backend: the TypeScript reference, the
 * WebAssembly kernels op by op over the whole state, the same with cache blocking (blocks of 4
 * qubits, so small states are blocked), and the WebAssembly backend with its production
 * thresholds (n = 14 … 16 cross both the "big enough" and the block-size threshold).
 *
 * Every backend must give the reference's amplitudes (to 1e-10; the kernels promise bit-for-bit,
 * checked too) and the same seeded counts; the reference itself is checked against the dense
 * textbook simulator where that is small enough. Each WebAssembly case also checks that it did
 * run in WebAssembly (and blocked where it should), so a silent fallback to TypeScript fails.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Circuit, GateOp, GlobalPhaseOp } from "@/lib/quantum/ir";
import { fusePlans } from "@/lib/quantum/fusion";
import {
  installKernelBackend,
  kernelBackend,
  tsBackend,
  type KernelBackend,
} from "@/lib/quantum/kernels/backend";
import { schedule } from "@/lib/quantum/kernels/blocking";
import {
  createWasmBackend,
  DEFAULT_BLOCK_QUBITS,
  DEFAULT_MIN_QUBITS,
  type WasmKernelBackend,
} from "@/lib/quantum/kernels/wasm-backend";
import { createRng, type Rng } from "@/lib/quantum/sample";
import { finalState, simulate } from "@/lib/quantum/simulate";
import { planGate, type StateVector } from "@/lib/quantum/statevector";
import { runPlans } from "@/lib/quantum/trajectory";
import { installWasmKernelsFromDisk, readWasmKernels } from "@/lib/runner/wasm-kernels";
import {
  MAX_REFERENCE_QUBITS,
  randomVec,
  referenceState,
  vecDistance,
} from "@/tests/support/dense-reference";
import { gateOp, unitaryCircuit } from "./build";
import { fromVec, toVec } from "./engine";

const loc = { line: 1, column: 1 };

const bytes = readWasmKernels();
if (!bytes) throw new Error("the WebAssembly kernels are not built (tests/support/global-setup)");

interface Backend {
  readonly name: string;
  readonly backend: KernelBackend;
  /** Smallest n run in WebAssembly, and the block size (0: none). */
  readonly wasm?: { readonly minQubits: number; readonly blockQubits: number };
}

const wasm = (minQubits: number, blockQubits: number): Backend["wasm"] => ({
  minQubits,
  blockQubits,
});

const BACKENDS: readonly Backend[] = [
  { name: "TypeScript reference", backend: tsBackend },
  {
    name: "WebAssembly, whole-state ops",
    backend: createWasmBackend(bytes, { minQubits: 1, blockQubits: 0 }),
    wasm: wasm(1, 0),
  },
  {
    name: "WebAssembly, blocks of 4 qubits",
    backend: createWasmBackend(bytes, { minQubits: 1, blockQubits: 4 }),
    wasm: wasm(1, 4),
  },
  {
    // Releases its memory as soon as idle after runs above 2^2 amplitudes (between cases).
    name: "WebAssembly, blocks of 4 qubits, memory released when idle",
    backend: createWasmBackend(bytes, {
      minQubits: 1,
      blockQubits: 4,
      retainQubits: 2,
      releaseAfterMs: 0,
    }),
    wasm: wasm(1, 4),
  },
  {
    name: "WebAssembly, default thresholds",
    backend: createWasmBackend(bytes),
    wasm: wasm(DEFAULT_MIN_QUBITS, DEFAULT_BLOCK_QUBITS),
  },
];

const SIZES = [1, 2, 3, 5, 7, 9, 11, 12, 13, 14, 15, 16];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextUint32() % xs.length];

/** `k` distinct qubits out of n, in random order. */
function distinct(rng: Rng, n: number, k: number): number[] {
  const all = Array.from({ length: n }, (_, q) => q);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextUint32() % (i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k);
}

const ONE = ["h", "x", "y", "z", "s", "t", "sx", "rx", "ry", "rz", "p", "u"] as const;
const TWO = ["cx", "cz", "cp", "swap", "rzz", "rxx", "crx", "ch", "cu"] as const;
const THREE = ["ccx", "cswap", "rccx"] as const;
const PARAMS: Record<string, number> = { rx: 1, ry: 1, rz: 1, p: 1, u: 3, cp: 1, rzz: 1 };
Object.assign(PARAMS, { rxx: 1, crx: 1, cu: 4 });

/**
 * A seeded random circuit on n qubits: one- and two-qubit gates (some with extra controls, a
 * third of those negated), three-qubit gates, controlled global phases, and layers of one kind
 * of gate on every qubit (so fusion builds 4×4 blocks and merged diagonals).
 */
function fixtureOps(n: number, seed: number, count = 60): (GateOp | GlobalPhaseOp)[] {
  const rng = createRng(seed);
  const ops: (GateOp | GlobalPhaseOp)[] = [];
  const params = (name: string) =>
    Array.from({ length: PARAMS[name] ?? 0 }, () => (rng.next() - 0.5) * 4 * Math.PI);
  while (ops.length < count) {
    const r = rng.next();
    if (r < 0.1) {
      const name = pick(rng, ["h", "rz", "ry"] as const);
      for (let q = 0; q < n; q++) ops.push(gateOp(name, [q], params(name)));
    } else if (r < 0.45 || n < 2) {
      const name = pick(rng, ONE);
      const extra = rng.next() < 0.3 ? Math.min(n - 1, 1 + (rng.nextUint32() % 2)) : 0;
      const [t, ...controls] = distinct(rng, n, 1 + extra);
      const states = controls.map(() => (rng.next() < 0.33 ? 0 : 1) as 0 | 1);
      ops.push(gateOp(name, [t], params(name), controls, states));
    } else if (r < 0.85 || n < 3) {
      const name = pick(rng, TWO);
      const extra = rng.next() < 0.2 && n > 2 ? 1 : 0;
      const [a, b, ...controls] = distinct(rng, n, 2 + extra);
      const states = controls.map(() => (rng.next() < 0.5 ? 0 : 1) as 0 | 1);
      ops.push(gateOp(name, [a, b], params(name), controls, states));
    } else if (r < 0.95) {
      ops.push(gateOp(pick(rng, THREE), distinct(rng, n, 3)));
    } else {
      const controls = distinct(rng, n, Math.min(n, rng.nextUint32() % 3));
      const controlStates = controls.map(() => (rng.next() < 0.5 ? 0 : 1) as 0 | 1);
      ops.push({ kind: "gphase", angle: rng.next() * 6, controls, controlStates, loc });
    }
  }
  return ops;
}

function measured(n: number, ops: (GateOp | GlobalPhaseOp)[]): Circuit {
  const c = unitaryCircuit(n, ops);
  return {
    ...c,
    numClbits: n,
    cregs: [{ name: "c", size: n, offset: 0 }],
    ops: [
      ...ops,
      ...Array.from({ length: n }, (_, q) => ({
        kind: "measure" as const,
        qubit: q,
        clbit: q,
        loc,
      })),
    ],
  };
}

/** Runs `f` with `backend` installed, then reinstates the reference. */
function using<T>(backend: KernelBackend, f: () => T): T {
  installKernelBackend(backend);
  try {
    return f();
  } finally {
    installKernelBackend(tsBackend);
  }
}

interface Outcome {
  /** finalState with and without fusion; runPlans from a random state, gate by gate and fused. */
  readonly states: readonly StateVector[];
  readonly counts: Record<string, number> | null;
}

function outcome(n: number, seed: number): Outcome {
  const ops = fixtureOps(n, seed);
  const circuit = unitaryCircuit(n, ops);
  const fromRandom = (plans: Parameters<typeof runPlans>[1]) => {
    const s = fromVec(n, randomVec(n, seed + 1));
    runPlans(s, plans);
    return s;
  };
  return {
    states: [
      finalState(circuit),
      finalState(circuit, { fusion: false }),
      fromRandom(ops.map((op) => planGate(n, op))),
      fromRandom(fusePlans(n, ops)),
    ],
    counts: simulate(measured(n, ops), { shots: 300, seed: seed + 2 }).counts,
  };
}

const reference = new Map<number, Outcome>(SIZES.map((n) => [n, outcome(n, 100 + n)]));

afterEach(() => installKernelBackend(tsBackend));

describe("the reference backend", () => {
  it.each(SIZES.filter((n) => n <= MAX_REFERENCE_QUBITS))(
    "agrees with the dense textbook simulator at n = %i",
    (n) => {
      const ops = fixtureOps(n, 100 + n);
      const [fused, unfused, fromRandom] = reference.get(n)!.states;
      const fromZero = referenceState(unitaryCircuit(n, ops));
      expect(vecDistance(toVec(fused), fromZero)).toBeLessThan(1e-10);
      expect(vecDistance(toVec(unfused), fromZero)).toBeLessThan(1e-10);
      const initial = randomVec(n, 100 + n + 1);
      expect(
        vecDistance(toVec(fromRandom), referenceState(unitaryCircuit(n, ops), initial)),
      ).toBeLessThan(1e-10);
    },
  );
});

describe.each(BACKENDS)("$name", ({ backend, wasm }) => {
  it.each(SIZES)("gives the reference's amplitudes and seeded counts at n = %i", (n) => {
    const stats = wasm && { ...(backend as WasmKernelBackend).stats };
    const got = using(backend, () => outcome(n, 100 + n));
    const want = reference.get(n)!;
    got.states.forEach((s, i) => {
      let worst = 0;
      let differ = 0;
      for (let k = 0; k < s.amps.length; k++) {
        worst = Math.max(worst, Math.abs(s.amps[k] - want.states[i].amps[k]));
        if (s.amps[k] !== want.states[i].amps[k]) differ++;
      }
      expect(worst, `state ${i}`).toBeLessThan(1e-10);
      expect(differ, `state ${i}: numbers not bit-for-bit equal`).toBe(0);
    });
    expect(got.counts).toEqual(want.counts);
    if (wasm && stats) {
      const now = (backend as WasmKernelBackend).stats;
      if (n >= wasm.minQubits) expect(now.runs).toBeGreaterThan(stats.runs);
      else expect(now.runs).toBe(stats.runs);
      if (wasm.blockQubits >= 2 && n > wasm.blockQubits && n >= wasm.minQubits) {
        expect(now.blockedSteps).toBeGreaterThan(stats.blockedSteps);
      } else expect(now.blockedSteps).toBe(stats.blockedSteps);
    }
  });
});

describe("installing the WebAssembly kernels", () => {
  it("from the compiled file makes runPlans run in WebAssembly", () => {
    expect(installWasmKernelsFromDisk()).toBe(true);
    const installed = kernelBackend() as WasmKernelBackend;
    expect(installed.name).toBe("wasm");
    const before = installed.stats.runs;
    const n = DEFAULT_MIN_QUBITS;
    const plans = fusePlans(n, fixtureOps(n, 7));
    const state = fromVec(n, randomVec(n, 8));
    runPlans(state, plans);
    expect(installed.stats.runs).toBe(before + 1);
    installKernelBackend(tsBackend);
    const want = fromVec(n, randomVec(n, 8));
    runPlans(want, plans);
    expect(state.amps).toEqual(want.amps);
  });
});

describe("start-up", () => {
  it("compiles and instantiates nothing until a state is large enough for the kernels", () => {
    const backend = createWasmBackend(bytes!, { minQubits: 10 });
    expect(backend.stats.instances).toBe(0);
    const small = using(backend, () => finalState(unitaryCircuit(4, fixtureOps(4, 5))));
    expect(backend.stats).toMatchObject({ instances: 0, runs: 0 });
    expect(small.numQubits).toBe(4);
    using(backend, () => finalState(unitaryCircuit(10, fixtureOps(10, 5))));
    expect(backend.stats).toMatchObject({ instances: 1, runs: 1 });
  });
});

describe("memory of large states", () => {
  it("is released once idle, and the next run on a fresh instance gives the same state", async () => {
    const backend = createWasmBackend(bytes!, { minQubits: 1, retainQubits: 4, releaseAfterMs: 0 });
    const n = 9;
    const circuit = unitaryCircuit(n, fixtureOps(n, 3));
    const first = using(backend, () => finalState(circuit));
    expect(backend.stats.releases).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(backend.stats.releases).toBe(1);
    expect(backend.stats.instances).toBe(1);
    const second = using(backend, () => finalState(circuit));
    expect(backend.stats.instances).toBe(2);
    expect(second.amps).toEqual(first.amps);
    expect(backend.stats.runs).toBeGreaterThanOrEqual(2);
  });
});

describe("cache blocking", () => {
  it("applies a fused brickwork layer at n = 24 in a few blocked steps, not one pass per block", () => {
    const n = 24;
    const ops: GateOp[] = [];
    for (let layer = 0; layer < 4; layer++) {
      for (let q = 0; q < n; q++) ops.push(gateOp("ry", [q], [0.1 * (q + layer)]));
      for (let q = layer % 2; q + 1 < n; q += 2) ops.push(gateOp("cx", [q, q + 1]));
    }
    const plans = fusePlans(n, ops);
    const steps = schedule(n, plans, DEFAULT_BLOCK_QUBITS);
    const passes = steps.filter((s) => s.kind !== "ts").length;
    expect(plans.length).toBeGreaterThan(40);
    // 24 qubits in blocks of 14 (qubits 0 and 1 in every block): at least 2 steps per layer.
    expect(passes).toBeLessThanOrEqual(4 * 3);
    for (const s of steps) {
      if (s.kind === "blocked") {
        expect(s.blockBits).toBe(DEFAULT_BLOCK_QUBITS);
        expect(s.chunkBits).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
