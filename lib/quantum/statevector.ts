/**
 * The state vector and how operations are applied to it.
 *
 * Qubit order: qubit q is bit q of the basis-state index, qubit 0 the least significant bit
 * (Qiskit's order), so |q2 q1 q0⟩ = |1 0 1⟩ is index 5.
 *
 * Memory layout: one Float64Array of length 2·2^n, interleaved: amplitude k has its real part
 * at [2k] and its imaginary part at [2k + 1]. Interleaved rather than split re/im arrays because
 * every kernel reads and writes both parts of the same amplitudes: interleaving keeps them in
 * one cache line, halves the number of memory streams the prefetcher must follow, and makes a
 * copy or a shared buffer a single array.
 *
 * Applying an operation is two steps: `planGate` turns it into a `Plan` (the kernel to call and
 * its precomputed arguments; done once per operation, not once per shot) and `runPlan` executes
 * it. What this module does not do: sampling (sample.ts), noise (noise.ts), fusion (fusion.ts).
 */
import type { GlobalPhaseOp, GateOp, Matrix, SourceLocation } from "./ir";
import { QuantumError } from "./errors";
import { classify, gateSpec, type GateKind } from "./gates";
import { sortedPositions, targetOffsets } from "./kernels/indexing";
import { ensureScratch, runPlan, type Plan } from "./kernels/run-plan";

export { runPlan, type Plan };

/** Largest register the engine will allocate (2^30 amplitudes = 16 GiB; limits stop far below). */
export const MAX_ENGINE_QUBITS = 30;

export class StateVector {
  readonly numQubits: number;
  readonly dim: number;
  readonly amps: Float64Array;

  constructor(numQubits: number, amps?: Float64Array) {
    if (!Number.isInteger(numQubits) || numQubits < 0 || numQubits > MAX_ENGINE_QUBITS) {
      throw new QuantumError(
        "unsupported",
        `the simulator supports 0 to ${MAX_ENGINE_QUBITS} qubits, got ${numQubits}`,
      );
    }
    this.numQubits = numQubits;
    this.dim = 2 ** numQubits;
    if (amps && amps.length !== 2 * this.dim) {
      throw new QuantumError(
        "unsupported",
        `a ${numQubits}-qubit state needs ${2 * this.dim} numbers`,
      );
    }
    this.amps = amps ?? new Float64Array(2 * this.dim);
  }

  /** Real and imaginary part of amplitude k. */
  amplitude(k: number): [number, number] {
    return [this.amps[2 * k], this.amps[2 * k + 1]];
  }

  clone(): StateVector {
    return new StateVector(this.numQubits, this.amps.slice());
  }

  /** Overwrites this state with `other` (same size) without allocating. */
  copyFrom(other: StateVector): void {
    this.amps.set(other.amps);
  }
}

/** |0…0⟩ on n qubits. */
export function createState(numQubits: number): StateVector {
  const s = new StateVector(numQubits);
  s.amps[0] = 1;
  return s;
}

/** The computational basis state |k⟩. */
export function basisState(numQubits: number, k: number): StateVector {
  const s = new StateVector(numQubits);
  s.amps[2 * k] = 1;
  return s;
}

/** Qubit operands of one application: targets in matrix order, controls with required states. */
export interface Operands {
  readonly targets: readonly number[];
  readonly controls: readonly number[];
  readonly controlStates: readonly (0 | 1)[];
}

function checkOperands(numQubits: number, o: Operands, what: string, loc?: SourceLocation): void {
  const all = [...o.controls, ...o.targets];
  const seen = new Set<number>();
  for (const q of all) {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits) {
      throw new QuantumError(
        "semantic",
        `${what} uses qubit ${q}, but the circuit has ${numQubits}`,
        loc,
      );
    }
    if (seen.has(q)) throw new QuantumError("semantic", `${what} uses qubit ${q} twice`, loc);
    seen.add(q);
  }
  if (o.controlStates.length !== o.controls.length) {
    throw new QuantumError(
      "semantic",
      `${what} has ${o.controls.length} controls but ${o.controlStates.length} control states`,
      loc,
    );
  }
}

function controlValue(o: Operands): number {
  let v = 0;
  o.controls.forEach((q, j) => {
    if (o.controlStates[j] === 1) v |= 1 << q;
  });
  return v;
}

const isOne = (re: number, im: number): boolean => re === 1 && im === 0;

/** Interleaved copy of a split matrix. */
function interleave(m: Matrix): Float64Array {
  const out = new Float64Array(2 * m.re.length);
  for (let i = 0; i < m.re.length; i++) {
    out[2 * i] = m.re[i];
    out[2 * i + 1] = m.im[i];
  }
  return out;
}

/**
 * Plans a matrix on `targets` (operand 0 = low bit of the matrix index) under controls.
 * `kind` must describe the matrix truthfully; `classify` computes it when unknown.
 */
export function planMatrix(
  numQubits: number,
  matrix: Matrix,
  o: Operands,
  kind: GateKind = classify(matrix),
  what = "operation",
  loc?: SourceLocation,
): Plan {
  checkOperands(numQubits, o, what, loc);
  const k = o.targets.length;
  if (matrix.dim !== 2 ** k) {
    throw new QuantumError(
      "semantic",
      `${what} has a ${matrix.dim}×${matrix.dim} matrix for ${k} qubit(s)`,
      loc,
    );
  }
  const value = controlValue(o);
  const pos = sortedPositions([...o.controls, ...o.targets]);
  const { re, im } = matrix;
  if (k === 0) return { kind: "phase", pos, value, cr: re[0], ci: im[0] };
  if (k === 1 && o.controls.length === 0) return planUncontrolled1(matrix, o.targets[0], kind);
  if (k === 1) {
    const t = o.targets[0];
    switch (kind) {
      case "diagonal": {
        const [d0r, d0i, d1r, d1i] = [re[0], im[0], re[3], im[3]];
        if (isOne(d0r, d0i) && isOne(d1r, d1i)) return { kind: "noop" };
        if (isOne(d0r, d0i)) {
          // Only |1⟩ changes: fold the target into the fixed bits and touch half the states.
          return { kind: "phase", pos, value: value | (1 << t), cr: d1r, ci: d1i };
        }
        if (d0r === d1r && d0i === d1i) {
          return { kind: "phase", pos: sortedPositions(o.controls), value, cr: d0r, ci: d0i };
        }
        return { kind: "diag1", pos, value, t, m: [d0r, d0i, d1r, d1i] };
      }
      case "permutation": {
        if (isOne(re[1], im[1]) && isOne(re[2], im[2])) return { kind: "swap1", pos, value, t };
        return { kind: "anti1", pos, value, t, m: [re[1], im[1], re[2], im[2]] };
      }
      case "general":
        return { kind: "general1", pos, value, t, m: interleave(matrix) };
    }
  }
  const offsets = targetOffsets(o.targets);
  switch (kind) {
    case "diagonal": {
      const d = new Float64Array(2 * matrix.dim);
      for (let j = 0; j < matrix.dim; j++) {
        d[2 * j] = re[j * matrix.dim + j];
        d[2 * j + 1] = im[j * matrix.dim + j];
      }
      return { kind: "diagonalK", pos, value, offsets, m: d };
    }
    case "permutation": {
      const perm = new Int32Array(matrix.dim);
      const ph = new Float64Array(2 * matrix.dim);
      for (let c = 0; c < matrix.dim; c++) {
        for (let r = 0; r < matrix.dim; r++) {
          const idx = r * matrix.dim + c;
          if (re[idx] !== 0 || im[idx] !== 0) {
            perm[c] = r;
            ph[2 * c] = re[idx];
            ph[2 * c + 1] = im[idx];
          }
        }
      }
      ensureScratch(matrix.dim);
      return { kind: "permutationK", pos, value, offsets, perm, ph };
    }
    case "general":
      if (k === 2) {
        return {
          kind: "general2",
          pos,
          value,
          q0: o.targets[0],
          q1: o.targets[1],
          m: interleave(matrix),
        };
      }
      ensureScratch(matrix.dim);
      return { kind: "generalK", pos, value, offsets, m: interleave(matrix) };
  }
}

/** Plans a 2×2 matrix without controls onto the index-arithmetic-free kernels. */
function planUncontrolled1(matrix: Matrix, t: number, kind: GateKind): Plan {
  const { re, im } = matrix;
  const pos = Int32Array.of(t);
  switch (kind) {
    case "diagonal": {
      const [d0r, d0i, d1r, d1i] = [re[0], im[0], re[3], im[3]];
      if (isOne(d0r, d0i) && isOne(d1r, d1i)) return { kind: "noop" };
      // Only |1⟩ changes: touch half the states (one stride-2 walk or half-blocks).
      if (isOne(d0r, d0i)) return { kind: "phase", pos, value: 1 << t, cr: d1r, ci: d1i };
      return { kind: "diag1Free", t, m: [d0r, d0i, d1r, d1i] };
    }
    case "permutation":
      if (isOne(re[1], im[1]) && isOne(re[2], im[2])) return { kind: "swap1Free", t };
      return { kind: "anti1", pos, value: 0, t, m: [re[1], im[1], re[2], im[2]] };
    case "general":
      if (im.every((x) => x === 0)) {
        return { kind: "real1Free", t, m: [re[0], re[1], re[2], re[3]] };
      }
      return { kind: "general1Free", t, m: interleave(matrix) };
  }
}

/** Gate operands split into the gate's own controls (state 1), `ctrl @` controls, and targets. */
export function gateOperands(op: GateOp, ownControls: number): Operands {
  return {
    targets: op.qubits.slice(ownControls),
    controls: [...op.qubits.slice(0, ownControls), ...op.controls],
    controlStates: [...op.qubits.slice(0, ownControls).map(() => 1 as const), ...op.controlStates],
  };
}

/** Plans a gate or global-phase operation of the IR. */
export function planGate(numQubits: number, op: GateOp | GlobalPhaseOp): Plan {
  if (op.kind === "gphase") {
    if (!Number.isFinite(op.angle)) {
      throw new QuantumError("semantic", `gphase got a non-finite angle (${op.angle})`, op.loc);
    }
    const o: Operands = { targets: [], controls: op.controls, controlStates: op.controlStates };
    checkOperands(numQubits, o, "gphase", op.loc);
    return {
      kind: "phase",
      pos: sortedPositions(op.controls),
      value: controlValue(o),
      cr: Math.cos(op.angle),
      ci: Math.sin(op.angle),
    };
  }
  if (op.name === "unitary") {
    if (!op.matrix)
      throw new QuantumError("semantic", `a "unitary" operation has no matrix`, op.loc);
    return planMatrix(numQubits, op.matrix, gateOperands(op, 0), undefined, "unitary", op.loc);
  }
  let spec;
  try {
    spec = gateSpec(op.name, op.params);
  } catch (e) {
    if (e instanceof QuantumError && !e.loc)
      throw new QuantumError(e.code, e.message, op.loc, { cause: e });
    throw e;
  }
  const arity = spec.controls + Math.log2(spec.target.dim);
  if (op.qubits.length !== arity) {
    throw new QuantumError(
      "semantic",
      `gate "${op.name}" acts on ${arity} qubit(s), got ${op.qubits.length}`,
      op.loc,
    );
  }
  return planMatrix(
    numQubits,
    spec.target,
    gateOperands(op, spec.controls),
    spec.kind,
    `gate "${op.name}"`,
    op.loc,
  );
}

/**
 * Plans a one-target gate whose target's |1⟩ half is zero (see fresh1), or returns null when
 * the op is not a one-target gate. Only for a state known to have that zero half.
 */
export function planFreshTarget(numQubits: number, op: GateOp): Plan | null {
  const matrix = op.name === "unitary" ? op.matrix : gateSpec(op.name, op.params).target;
  if (!matrix || matrix.dim !== 2) return null;
  const own = op.name === "unitary" ? 0 : gateSpec(op.name, op.params).controls;
  const o = gateOperands(op, own);
  checkOperands(numQubits, o, `gate "${op.name}"`, op.loc);
  const t = o.targets[0];
  return {
    kind: "fresh1",
    pos: sortedPositions([...o.controls, t]),
    value: controlValue(o),
    t,
    m: [matrix.re[0], matrix.im[0], matrix.re[2], matrix.im[2]],
  };
}

/** Applies one gate or global phase operation (convenience for callers outside the hot path). */
export function applyOp(state: StateVector, op: GateOp | GlobalPhaseOp): void {
  runPlan(state, planGate(state.numQubits, op));
}

/** Applies `matrix` to `targets` (operand 0 = low bit), optionally controlled. */
export function applyMatrix(
  state: StateVector,
  matrix: Matrix,
  targets: readonly number[],
  controls: readonly number[] = [],
  controlStates: readonly (0 | 1)[] = controls.map(() => 1 as const),
): void {
  runPlan(state, planMatrix(state.numQubits, matrix, { targets, controls, controlStates }));
}

/** Probability that measuring qubit q gives 1. */
export function probabilityOfOne(state: StateVector, q: number): number {
  const a = state.amps;
  const step = 1 << q;
  let p = 0;
  for (let base = step; base < state.dim; base += 2 * step) {
    for (let i = 2 * base, end = 2 * (base + step); i < end; i += 2)
      p += a[i] * a[i] + a[i + 1] * a[i + 1];
  }
  return p;
}

/**
 * Projects qubit q onto `outcome` and renormalises; `probability` is that outcome's probability
 * (> 0, computed by the caller, who needed it to choose the outcome anyway).
 */
export function collapse(state: StateVector, q: number, outcome: 0 | 1, probability: number): void {
  if (!(probability > 0)) {
    throw new QuantumError(
      "semantic",
      `cannot collapse qubit ${q} onto an outcome of probability ${probability}`,
    );
  }
  const a = state.amps;
  const step = 1 << q;
  const f = 1 / Math.sqrt(probability);
  for (let base = 0; base < state.dim; base += 2 * step) {
    const keep = outcome === 0 ? base : base + step;
    const drop = outcome === 0 ? base + step : base;
    for (let j = 0; j < step; j++) {
      const pk = 2 * (keep + j);
      const pd = 2 * (drop + j);
      a[pk] *= f;
      a[pk + 1] *= f;
      a[pd] = 0;
      a[pd + 1] = 0;
    }
  }
}

/** Σ |amplitude|². */
export function normSquared(state: StateVector): number {
  const a = state.amps;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return s;
}

/** ⟨a|b⟩ as `[re, im]`. */
export function innerProduct(a: StateVector, b: StateVector): [number, number] {
  const x = a.amps;
  const y = b.amps;
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i += 2) {
    re += x[i] * y[i] + x[i + 1] * y[i + 1];
    im += x[i] * y[i + 1] - x[i + 1] * y[i];
  }
  return [re, im];
}
