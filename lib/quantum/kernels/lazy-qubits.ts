/**
 * Lazy qubits: a circuit that starts from |0…0⟩ only needs amplitudes for qubits that have
 * become entangled with others. This pass keeps every qubit in a product state (its own
 * 2-vector a|0⟩ + b|1⟩) for as long as that is exact, and rewrites the remaining ops onto
 * "compact" qubit indices, assigned when a qubit must join the dense state, so the state grows
 * from 1 to 2^n amplitudes as qubits come into play (GHZ on n qubits costs about two passes over
 * the final state instead of n; H on all then a QFT never needs more than one amplitude).
 *
 * The rewrite is exact, using only facts about product qubits (up to the snapping below):
 * - a one-target gate without controls on a product qubit multiplies its 2-vector;
 * - a control on a qubit in a basis state (b = 0 or a = 0) is either never satisfied (the op is
 *   dropped) or always satisfied (the control is dropped; a control is not changed by its op);
 * - a diagonal op (a diagonal gate with its controls, or a controlled global phase) is a diagonal
 *   on all its qubits: those in a basis state fix their index bit; what is left is a phase (into
 *   the global scale), a diagonal on one product qubit (multiplies its vector), or a smaller
 *   diagonal on the dense state;
 * - an uncontrolled `swap` only relabels which qubit holds which state.
 * Anything else (e.g. a cx whose control is in superposition) activates its product qubits: the
 * qubit becomes compact bit k, and a one-qubit gate whose first column is its vector prepares
 * it on the fresh (zero) half of the buffer. At the end, qubits still in a basis state are folded
 * into a global scale and a bit flip of the final index; the others are activated.
 * Snapping: after each update a vector component whose squared size is below 1e-30 of the other
 * one (|b| < 1e-15·|a|) is set to zero, so rounding noise (two rx(π/2) leave 2e-16 on |0⟩)
 * does not hide a basis state; the error is at the level of double rounding.
 * Memory layout: the compact state with k active qubits occupies the first 2^k amplitudes of
 * the final 2^n buffer; activating a qubit makes it compact bit k, whose new half of the buffer
 * is already zero, so growing never moves data. One scatter at the end restores qubit order.
 */
import type { GateOp, GlobalPhaseOp, Matrix, SourceLocation } from "../ir";
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
  /** compact[q] = compact index of qubit q at the end, or −1 if q ends in a basis state. */
  readonly compact: Int32Array;
  readonly active: number;
  /** Qubits that end in |1⟩ without joining the dense state: XORed into every final index. */
  readonly flips: number;
  /** Global factor (re, im) from product qubits and phases: multiplies the final state. */
  readonly scale: readonly [number, number];
}

/** Squared-size ratio below which a product vector's component is rounding noise (see above). */
const SNAP = 1e-30;

/** Rewrites `ops` (validated, unconditional, starting from |0…0⟩) onto compact qubits. */
export function lazyLayout(numQubits: number, ops: readonly UnitaryOp[]): LazyProgram {
  const compact = new Int32Array(numQubits).fill(-1);
  // Product vector of qubit q (meaningful while compact[q] < 0): a = v[4q] + i·v[4q+1], b = …+2, …+3.
  const v = new Float64Array(4 * numQubits);
  for (let q = 0; q < numQubits; q++) v[4 * q] = 1;
  let scaleRe = 1;
  let scaleIm = 0;
  let active = 0;
  const segments: { active: number; ops: UnitaryOp[] }[] = [{ active: 0, ops: [] }];
  const emit = (op: UnitaryOp): void => {
    segments[segments.length - 1].ops.push(op);
  };
  /** 0 or 1 for a product qubit in a basis state, −1 otherwise (also for dense qubits). */
  const basisBit = (q: number): number => {
    if (compact[q] >= 0) return -1;
    const o = 4 * q;
    if (v[o + 2] === 0 && v[o + 3] === 0) return 0;
    if (v[o] === 0 && v[o + 1] === 0) return 1;
    return -1;
  };
  const multiplyScale = (re: number, im: number): void => {
    [scaleRe, scaleIm] = [scaleRe * re - scaleIm * im, scaleRe * im + scaleIm * re];
  };
  /** vector(q) ← m·vector(q) for a 2×2 matrix given as its row-major entries. */
  const multiplyVector = (q: number, re: ArrayLike<number>, im: ArrayLike<number>): void => {
    const o = 4 * q;
    const [ar, ai, br, bi] = [v[o], v[o + 1], v[o + 2], v[o + 3]];
    let nr = re[0] * ar - im[0] * ai + re[1] * br - im[1] * bi;
    let ni = re[0] * ai + im[0] * ar + re[1] * bi + im[1] * br;
    let mr = re[2] * ar - im[2] * ai + re[3] * br - im[3] * bi;
    let mi = re[2] * ai + im[2] * ar + re[3] * bi + im[3] * br;
    const na = nr * nr + ni * ni;
    const nb = mr * mr + mi * mi;
    if (nb <= SNAP * na) mr = mi = 0;
    else if (na <= SNAP * nb) nr = ni = 0;
    [v[o], v[o + 1], v[o + 2], v[o + 3]] = [nr, ni, mr, mi];
  };
  /** Moves product qubit q into the dense state as the next compact bit. */
  const activate = (q: number, loc: SourceLocation): void => {
    const last = segments[segments.length - 1];
    if (last.ops.length > 0) segments.push({ active: active + 1, ops: [] });
    else last.active = active + 1;
    compact[q] = active++;
    const o = 4 * q;
    const [ar, ai, br, bi] = [v[o], v[o + 1], v[o + 2], v[o + 3]];
    if (ar === 1 && ai === 0 && br === 0 && bi === 0) return;
    // Any unitary with first column (a, b) prepares the vector on the zero half.
    emit({
      kind: "gate",
      name: "unitary",
      params: [],
      qubits: [compact[q]],
      controls: [],
      controlStates: [],
      matrix: {
        dim: 2,
        re: Float64Array.of(ar, -br, br, ar),
        im: Float64Array.of(ai, bi, bi, -ai),
      },
      loc,
    });
  };

  for (const op of ops) {
    const spec = op.kind === "gate" && op.name !== "unitary" ? gateSpec(op.name, op.params) : null;
    const own = spec?.controls ?? 0;
    // Controls (the gate's own, which read 1, then modifiers): resolve those in a basis state.
    const controls: number[] = [];
    const controlStates: (0 | 1)[] = [];
    let never = false;
    let ownResolved = false;
    const control = (q: number, state: 0 | 1, isOwn: boolean): void => {
      const bit = basisBit(q);
      if (bit < 0) {
        controls.push(q);
        controlStates.push(state);
      } else if (bit !== state) never = true;
      else if (isOwn) ownResolved = true;
    };
    if (op.kind === "gate") for (let j = 0; j < own; j++) control(op.qubits[j], 1, true);
    op.controls.forEach((q, j) => control(q, op.controlStates[j], false));
    if (never) continue;
    const targets = op.kind === "gate" ? op.qubits.slice(own) : [];
    const matrix: Matrix | null =
      op.kind === "gphase" ? null : op.name === "unitary" ? op.matrix! : spec!.target;
    const diagonal =
      matrix === null || (spec ? spec.kind === "diagonal" : isDiagonalMatrix(matrix));

    if (diagonal) {
      // Diagonal entry j of the target matrix (bit l of j = targets[l]); a global phase is 1×1.
      const entry = (j: number): [number, number] =>
        matrix === null
          ? [Math.cos((op as GlobalPhaseOp).angle), Math.sin((op as GlobalPhaseOp).angle)]
          : [matrix.re[j * (matrix.dim + 1)], matrix.im[j * (matrix.dim + 1)]];
      let fixed = 0;
      const rest: number[] = [];
      const restBits: number[] = [];
      targets.forEach((q, l) => {
        const bit = basisBit(q);
        if (bit < 0) {
          rest.push(q);
          restBits.push(l);
        } else fixed |= bit << l;
      });
      if (controls.length + rest.length === 0) {
        multiplyScale(...entry(fixed));
        continue;
      }
      if (controls.length + rest.length === 1 && compact[controls[0] ?? rest[0]] < 0) {
        // One product qubit left: a 2×2 diagonal on its vector.
        let d0: [number, number];
        let d1: [number, number];
        if (rest.length === 1) {
          d0 = entry(fixed);
          d1 = entry(fixed | (1 << restBits[0]));
        } else {
          const phase = entry(fixed);
          [d0, d1] = controlStates[0] === 1 ? [[1, 0], phase] : [phase, [1, 0]];
        }
        multiplyVector(controls[0] ?? rest[0], [d0[0], 0, 0, d1[0]], [d0[1], 0, 0, d1[1]]);
        continue;
      }
      for (const q of controls) if (compact[q] < 0) activate(q, op.loc);
      for (const q of rest) if (compact[q] < 0) activate(q, op.loc);
      const dense = { controls: controls.map((q) => compact[q]), controlStates };
      if (rest.length === 0) {
        const [re, im] = entry(fixed);
        if (re === 1 && im === 0) continue;
        emit({ kind: "gphase", angle: Math.atan2(im, re), ...dense, loc: op.loc });
      } else if (op.kind === "gate" && rest.length === targets.length && !ownResolved) {
        emit(relabelled(op, own, dense));
      } else {
        const dim = 2 ** rest.length;
        const sub = { dim, re: new Float64Array(dim * dim), im: new Float64Array(dim * dim) };
        for (let j = 0; j < dim; j++) {
          let full = fixed;
          for (let l = 0; l < rest.length; l++) if ((j >> l) & 1) full |= 1 << restBits[l];
          [sub.re[j * (dim + 1)], sub.im[j * (dim + 1)]] = entry(full);
        }
        emit(
          unitaryOp(
            sub,
            rest.map((q) => compact[q]),
            dense,
            op.loc,
          ),
        );
      }
      continue;
    }

    const gate = op as GateOp;
    if (gate.name === "swap" && controls.length === 0) {
      const [a, b] = targets;
      [compact[a], compact[b]] = [compact[b], compact[a]];
      for (let k = 0; k < 4; k++) [v[4 * a + k], v[4 * b + k]] = [v[4 * b + k], v[4 * a + k]];
      continue;
    }
    if (controls.length === 0 && targets.length === 1 && compact[targets[0]] < 0) {
      multiplyVector(targets[0], matrix!.re, matrix!.im);
      continue;
    }
    for (const q of controls) if (compact[q] < 0) activate(q, gate.loc);
    for (const q of targets) if (compact[q] < 0) activate(q, gate.loc);
    const dense = { controls: controls.map((q) => compact[q]), controlStates };
    if (!ownResolved) emit(relabelled(gate, own, dense));
    else
      emit(
        unitaryOp(
          matrix!,
          targets.map((q) => compact[q]),
          dense,
          gate.loc,
        ),
      );
  }

  /** The op on compact qubits; its own controls stay operands, `dense` lists them first. */
  function relabelled(
    op: GateOp,
    own: number,
    dense: { controls: number[]; controlStates: (0 | 1)[] },
  ): GateOp {
    return {
      ...op,
      qubits: op.qubits.map((q) => compact[q]),
      controls: dense.controls.slice(own),
      controlStates: dense.controlStates.slice(own),
    };
  }

  // The end: basis-state qubits fold into the scale and the flips; the rest join the state.
  let flips = 0;
  for (let q = 0; q < numQubits; q++) {
    if (compact[q] >= 0) continue;
    const bit = basisBit(q);
    if (bit === 0) multiplyScale(v[4 * q], v[4 * q + 1]);
    else if (bit === 1) {
      multiplyScale(v[4 * q + 2], v[4 * q + 3]);
      flips |= 1 << q;
    } else activate(q, ops[ops.length - 1]?.loc ?? { line: 1, column: 1 });
  }
  return { numQubits, segments, compact, active, flips, scale: [scaleRe, scaleIm] };
}

function unitaryOp(
  matrix: Matrix,
  qubits: number[],
  dense: { controls: number[]; controlStates: (0 | 1)[] },
  loc: SourceLocation,
): GateOp {
  return { kind: "gate", name: "unitary", params: [], qubits, ...dense, matrix, loc };
}

function isDiagonalMatrix(m: { dim: number; re: Float64Array; im: Float64Array }): boolean {
  for (let r = 0; r < m.dim; r++) {
    for (let c = 0; c < m.dim; c++) {
      if (r !== c && (m.re[r * m.dim + c] !== 0 || m.im[r * m.dim + c] !== 0)) return false;
    }
  }
  return true;
}

/** Index tables of each program, built once: a re-run (a plan from the cache) reuses them. */
const tablesOf = new WeakMap<LazyProgram, readonly Int32Array[]>();

/**
 * The index map compact → qubit order as four byte-wide lookup tables: compact bit c → qubit
 * bit target[c]. Bytes at or above n are always zero: their tables are never read at a
 * non-zero entry.
 */
function indexTables(program: LazyProgram): readonly Int32Array[] {
  const known = tablesOf.get(program);
  if (known) return known;
  const n = program.numQubits;
  const { compact } = program;
  const target = new Int32Array(n);
  let spare = program.active;
  for (let q = 0; q < n; q++) target[compact[q] >= 0 ? compact[q] : spare++] = q;
  const none = new Int32Array(256);
  const tables = [0, 1, 2, 3].map((byte) => {
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
  tablesOf.set(program, tables);
  return tables;
}

/**
 * Puts the compact state (first 2^active amplitudes of `buffer`, length 2·2^n) into qubit order,
 * in place: the result wraps the same buffer, so a 24-qubit run holds one 256 MiB state, not
 * two. The global scale multiplies the live amplitudes first. The reorder is a permutation of
 * index bits (compact bit c → qubit target[c]; qubits left in a basis state take the remaining,
 * all-zero, compact bits) followed by XOR with the flips of qubits left in |1⟩, applied by
 * following its cycles with a visited bitmap of 2^n bits (2 MiB at n = 24).
 */
export function expandCompact(program: LazyProgram, buffer: Float64Array): StateVector {
  const n = program.numQubits;
  const { compact, flips } = program;
  const [sr, si] = program.scale;
  const live = 2 ** program.active;
  if (sr !== 1 || si !== 0) {
    for (let p = 0; p < 2 * live; p += 2) {
      const xr = buffer[p];
      const xi = buffer[p + 1];
      buffer[p] = sr * xr - si * xi;
      buffer[p + 1] = sr * xi + si * xr;
    }
  }
  let identity = flips === 0;
  for (let q = 0; q < n; q++) if (compact[q] >= 0 && compact[q] !== q) identity = false;
  if (identity) return new StateVector(n, buffer);
  const [t0, t1, t2, t3] = indexTables(program);
  const size = 2 ** n;
  // Only the first 2^active compact indices can hold non-zero amplitudes; a cycle through the
  // rest moves zeros onto zeros, so cycles are started only from the non-zero range. The map
  // with the flips XORed in is still a permutation of indices.
  const visited = new Uint32Array(Math.ceil(size / 32));
  for (let start = 0; start < live; start++) {
    if ((visited[start >>> 5] >>> (start & 31)) & 1) continue;
    let cur = start;
    let vr = buffer[2 * cur];
    let vi = buffer[2 * cur + 1];
    for (;;) {
      const next =
        (t0[cur & 255] | t1[(cur >>> 8) & 255] | t2[(cur >>> 16) & 255] | t3[cur >>> 24]) ^ flips;
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
