/**
 * Lazy qubits: a circuit that starts from |0…0⟩ only needs amplitudes for the qubits it has
 * touched. This pass rewrites a unitary op sequence onto "compact" qubit indices, assigned in
 * order of first real use, so the state grows from 1 to 2^n amplitudes as qubits come into
 * play (GHZ on n qubits costs about two passes over the final state instead of n).
 *
 * The rewrite is exact, using only facts that hold for a qubit never touched so far (it is |0⟩
 * and unentangled):
 * - a control on it that requires |1⟩ is never satisfied: the op is dropped;
 * - a control on it that requires |0⟩ is always satisfied: that control is dropped;
 * - a diagonal gate whose targets are all such qubits only contributes its |0…0⟩ entry, a
 *   phase on the controlled subspace (dropped when it is 1): e.g. every `cp` in a QFT of |0⟩
 *   whose control has not been reached yet;
 * - an uncontrolled `swap` only relabels which compact index holds which qubit.
 * Memory layout: the compact state with k active qubits occupies the first 2^k amplitudes of
 * the final 2^n buffer; activating a qubit makes it compact bit k, whose new half of the buffer
 * is already zero, so growing never moves data. One scatter at the end restores qubit order.
 */
import type { GateOp, GlobalPhaseOp } from "../ir";
import { gateSpec } from "../gates";
import { StateVector } from "../statevector";

export type UnitaryOp = GateOp | GlobalPhaseOp;

export interface LazySegment {
  /** Number of compact qubits while this segment runs. */
  readonly active: number;
  /** Ops on compact indices (< active). */
  readonly ops: readonly UnitaryOp[];
}

export interface LazyProgram {
  readonly numQubits: number;
  readonly segments: readonly LazySegment[];
  /** compact[q] = compact index of qubit q at the end, or −1 if q was never needed. */
  readonly compact: Int32Array;
  readonly active: number;
}

/** Rewrites `ops` (validated, unconditional, starting from |0…0⟩) onto compact qubits. */
export function lazyLayout(numQubits: number, ops: readonly UnitaryOp[]): LazyProgram {
  const compact = new Int32Array(numQubits).fill(-1);
  let active = 0;
  const segments: { active: number; ops: UnitaryOp[] }[] = [{ active: 0, ops: [] }];
  const activate = (q: number): void => {
    const last = segments[segments.length - 1];
    if (last.ops.length > 0) segments.push({ active: active + 1, ops: [] });
    else last.active = active + 1;
    compact[q] = active++;
  };
  const emit = (op: UnitaryOp): void => {
    segments[segments.length - 1].ops.push(op);
  };

  for (const op of ops) {
    // Extra controls: drop the op if an idle qubit must read 1; forget idle ones that must read 0.
    const controls: number[] = [];
    const controlStates: (0 | 1)[] = [];
    let never = false;
    op.controls.forEach((q, j) => {
      if (compact[q] >= 0) {
        controls.push(q);
        controlStates.push(op.controlStates[j]);
      } else if (op.controlStates[j] === 1) never = true;
    });
    if (never) continue;
    if (op.kind === "gphase") {
      emit({ ...op, controls: controls.map((q) => compact[q]), controlStates });
      continue;
    }
    const spec = op.name === "unitary" ? null : gateSpec(op.name, op.params);
    const own = spec?.controls ?? 0;
    if (op.qubits.slice(0, own).some((q) => compact[q] < 0)) continue; // own controls read 1
    const targets = op.qubits.slice(own);
    if (op.name === "swap" && controls.length === 0) {
      const [a, b] = targets;
      [compact[a], compact[b]] = [compact[b], compact[a]];
      continue;
    }
    const matrix = op.name === "unitary" ? op.matrix! : spec!.target;
    const diagonal = spec ? spec.kind === "diagonal" : isDiagonalMatrix(matrix);
    if (diagonal && targets.every((q) => compact[q] < 0)) {
      const [re, im] = [matrix.re[0], matrix.im[0]];
      if (re === 1 && im === 0) continue;
      emit({
        kind: "gphase",
        angle: Math.atan2(im, re),
        controls: [...op.qubits.slice(0, own), ...controls].map((q) => compact[q]),
        controlStates: [...op.qubits.slice(0, own).map(() => 1 as const), ...controlStates],
        loc: op.loc,
        ...(op.condition ? { condition: op.condition } : {}),
      });
      continue;
    }
    for (const q of targets) if (compact[q] < 0) activate(q);
    emit({
      ...op,
      qubits: op.qubits.map((q) => compact[q]),
      controls: controls.map((q) => compact[q]),
      controlStates,
    });
  }
  return { numQubits, segments, compact, active };
}

function isDiagonalMatrix(m: { dim: number; re: Float64Array; im: Float64Array }): boolean {
  for (let r = 0; r < m.dim; r++) {
    for (let c = 0; c < m.dim; c++) {
      if (r !== c && (m.re[r * m.dim + c] !== 0 || m.im[r * m.dim + c] !== 0)) return false;
    }
  }
  return true;
}

/**
 * Puts the compact state (first 2^active amplitudes of `buffer`, length 2·2^n) into qubit order,
 * in place: the result wraps the same buffer, so a 24-qubit run holds one 256 MiB state, not
 * two. The reorder is a permutation of index bits (compact bit c → qubit target[c]; qubits
 * never used take the remaining, all-zero, compact bits), applied by following its cycles with
 * a visited bitmap of 2^n bits (2 MiB at n = 24).
 */
export function expandCompact(program: LazyProgram, buffer: Float64Array): StateVector {
  const n = program.numQubits;
  const { compact } = program;
  let identity = true;
  for (let q = 0; q < n; q++) if (compact[q] >= 0 && compact[q] !== q) identity = false;
  if (identity) return new StateVector(n, buffer);
  const target = new Int32Array(n);
  let spare = program.active;
  for (let q = 0; q < n; q++) target[compact[q] >= 0 ? compact[q] : spare++] = q;
  // Index map through four byte-wide lookup tables: compact bit c → qubit bit target[c].
  // Bytes at or above n are always zero: their tables are never read at a non-zero entry.
  const none = new Int32Array(256);
  const [t0, t1, t2, t3] = [0, 1, 2, 3].map((byte) => {
    if (byte * 8 >= n) return none;
    const t = new Int32Array(256);
    for (let v = 0; v < 256; v++) {
      let f = 0;
      for (let b = 0; b < 8; b++) {
        const c = byte * 8 + b;
        if (c < n && (v >> b) & 1) f |= 1 << target[c];
      }
      t[v] = f;
    }
    return t;
  });
  const size = 2 ** n;
  // Only the first 2^active compact indices can hold non-zero amplitudes; a cycle through the
  // rest moves zeros onto zeros, so cycles are started only from the non-zero range.
  const live = 2 ** program.active;
  const visited = new Uint32Array(Math.ceil(size / 32));
  for (let start = 0; start < live; start++) {
    if ((visited[start >>> 5] >>> (start & 31)) & 1) continue;
    let cur = start;
    let vr = buffer[2 * cur];
    let vi = buffer[2 * cur + 1];
    for (;;) {
      const next = t0[cur & 255] | t1[(cur >>> 8) & 255] | t2[(cur >>> 16) & 255] | t3[cur >>> 24];
      visited[next >>> 5] |= 1 << (next & 31);
      if (next === cur) break;
      const wr = buffer[2 * next];
      const wi = buffer[2 * next + 1];
      buffer[2 * next] = vr;
      buffer[2 * next + 1] = vi;
      if (next === start) break;
      vr = wr;
      vi = wi;
      cur = next;
    }
  }
  return new StateVector(n, buffer);
}
