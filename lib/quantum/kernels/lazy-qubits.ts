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
 * - an uncontrolled `swap` only relabels which qubit holds which state;
 * - a CNOT (any one-target X with one control left) from a dense or linked qubit onto a qubit in
 *   a basis state makes the target a *linked* qubit: its bit is a parity (XOR) of compact bits
 *   plus a constant, and it needs no amplitudes of its own (GHZ on n qubits keeps a dense state
 *   of one qubit); a CNOT onto a linked qubit, or an X on it, updates the parity.
 * Anything else (e.g. a cx whose control is in superposition) activates its product qubits: the
 * qubit becomes compact bit k, and a one-qubit gate whose first column is its vector prepares
 * it on the fresh (zero) half of the buffer; a linked qubit is materialised by CNOTs from its
 * parity's bits onto its fresh bit (and an X for the constant). At the end, qubits still in a basis state are folded
 * into a global scale and a bit flip of the final index; the others are activated.
 * Snapping: after each update a vector component whose squared size is below 1e-30 of the other
 * one (|b| < 1e-15·|a|) is set to zero, so rounding noise (two rx(π/2) leave 2e-16 on |0⟩)
 * does not hide a basis state; the error is at the level of double rounding.
 * Memory layout: the compact state with k active qubits occupies the first 2^k amplitudes of
 * the final 2^n buffer; activating a qubit makes it compact bit k, whose new half of the buffer
 * is already zero, so growing never moves data. One scatter at the end restores qubit order.
 * With linked qubits the final index is a linear (XOR) map of the compact index, not a bit
 * permutation: the compact state then lives in its own 2^active buffer and is scattered into a
 * fresh zeroed 2^n one, so GHZ on 24 qubits writes two amplitudes.
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
  /**
   * Per qubit, the compact bits whose parity is its bit (a linked qubit), or 0. A linked
   * qubit's constant is in `flips`.
   */
  readonly links: Int32Array;
  /** Qubits that end in |1⟩ (or linked with constant 1): XORed into every final index. */
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
  // Linked qubit q (compact[q] < 0, link[q] ≠ 0): bit q = parity(index & link[q]) ^ linkConst[q].
  const link = new Int32Array(numQubits);
  const linkConst = new Uint8Array(numQubits);
  let scaleRe = 1;
  let scaleIm = 0;
  let active = 0;
  const segments: { active: number; ops: UnitaryOp[] }[] = [{ active: 0, ops: [] }];
  const emit = (op: UnitaryOp): void => {
    segments[segments.length - 1].ops.push(op);
  };
  /** 0 or 1 for a product qubit in a basis state, −1 otherwise (also for dense qubits). */
  const basisBit = (q: number): number => {
    if (compact[q] >= 0 || link[q] !== 0) return -1;
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
  /** A qubit with its own 2-vector: neither dense nor linked. */
  const isProduct = (q: number): boolean => compact[q] < 0 && link[q] === 0;
  /** The parity mask and constant giving q's bit, for a dense or linked qubit. */
  const parityOf = (q: number): [number, number] =>
    compact[q] >= 0 ? [1 << compact[q], 0] : [link[q], linkConst[q]];
  /** Gives q the next compact bit, in a new segment when the current one has ops. */
  const nextCompactBit = (q: number): number => {
    const last = segments[segments.length - 1];
    if (last.ops.length > 0) segments.push({ active: active + 1, ops: [] });
    else last.active = active + 1;
    return (compact[q] = active++);
  };
  /** Makes q a dense qubit (product or linked), if it is not one already. */
  const ensureDense = (q: number, loc: SourceLocation): void => {
    if (compact[q] >= 0) return;
    if (link[q] === 0) {
      activate(q, loc);
      return;
    }
    // Its fresh bit is 0: XOR in each bit of the parity, then the constant.
    const [mask, constant] = [link[q], linkConst[q]];
    link[q] = linkConst[q] = 0;
    const bit = nextCompactBit(q);
    for (let c = 0; mask >>> c !== 0; c++) {
      if ((mask >>> c) & 1) emit(plainGate("cx", [c, bit], loc));
    }
    if (constant) emit(plainGate("x", [bit], loc));
  };
  /** Materialises every qubit whose parity reads compact bit `bit`. */
  const unlinkFrom = (bit: number, loc: SourceLocation): void => {
    for (let q = 0; q < numQubits; q++) if ((link[q] >>> bit) & 1) ensureDense(q, loc);
  };
  /** Moves product qubit q into the dense state as the next compact bit. */
  const activate = (q: number, loc: SourceLocation): void => {
    nextCompactBit(q);
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
      if (controls.length + rest.length === 1 && isProduct(controls[0] ?? rest[0])) {
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
      for (const q of controls) ensureDense(q, op.loc);
      for (const q of rest) ensureDense(q, op.loc);
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
      [link[a], link[b]] = [link[b], link[a]];
      [linkConst[a], linkConst[b]] = [linkConst[b], linkConst[a]];
      for (let k = 0; k < 4; k++) [v[4 * a + k], v[4 * b + k]] = [v[4 * b + k], v[4 * a + k]];
      continue;
    }
    if (controls.length === 0 && targets.length === 1 && isProduct(targets[0])) {
      multiplyVector(targets[0], matrix!.re, matrix!.im);
      continue;
    }
    if (targets.length === 1 && controls.length <= 1 && isPauliX(matrix!)) {
      const t = targets[0];
      if (controls.length === 1 && isProduct(controls[0])) activate(controls[0], gate.loc);
      const [mask, constant] = controls.length === 1 ? parityOf(controls[0]) : [0, 1];
      // Control state 0 flips the target when the control reads 0: parity ^ 1.
      const flip = constant ^ (controls.length === 1 && controlStates[0] === 0 ? 1 : 0);
      const bit = basisBit(t);
      if (bit >= 0 && mask !== 0) {
        // The basis state's amplitude (a phase) moves into the scale: a link carries none.
        multiplyScale(v[4 * t + 2 * bit], v[4 * t + 2 * bit + 1]);
        link[t] = mask;
        linkConst[t] = bit ^ flip;
        continue;
      }
      if (link[t] !== 0) {
        link[t] ^= mask;
        linkConst[t] ^= flip;
        if (link[t] === 0) {
          // The parity cancelled: the qubit is in the basis state of its constant again.
          v.fill(0, 4 * t, 4 * t + 4);
          v[4 * t + 2 * linkConst[t]] = 1;
          linkConst[t] = 0;
        }
        continue;
      }
    }
    for (const q of controls) ensureDense(q, gate.loc);
    for (const q of targets) ensureDense(q, gate.loc);
    // The op changes its targets' bits: qubits linked to them must have their own first.
    for (const q of targets) unlinkFrom(compact[q], gate.loc);
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
    if (link[q] !== 0) {
      flips |= linkConst[q] << q;
      continue;
    }
    const bit = basisBit(q);
    if (bit === 0) multiplyScale(v[4 * q], v[4 * q + 1]);
    else if (bit === 1) {
      multiplyScale(v[4 * q + 2], v[4 * q + 3]);
      flips |= 1 << q;
    } else activate(q, ops[ops.length - 1]?.loc ?? { line: 1, column: 1 });
  }
  return { numQubits, segments, compact, links: link, active, flips, scale: [scaleRe, scaleIm] };
}

function plainGate(name: string, qubits: number[], loc: SourceLocation): GateOp {
  return { kind: "gate", name, params: [], qubits, controls: [], controlStates: [], loc };
}

/** X exactly: the matrix of a CNOT's target. */
function isPauliX(m: Matrix): boolean {
  return (
    m.dim === 2 &&
    m.re[0] === 0 &&
    m.re[1] === 1 &&
    m.re[2] === 1 &&
    m.re[3] === 0 &&
    m.im.every((x) => x === 0)
  );
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

/** Whether any qubit ends linked (a parity of compact bits): the map is then not a permutation. */
export function hasLinks(program: LazyProgram): boolean {
  return program.links.some((mask) => mask !== 0);
}

/**
 * The index map compact → qubit order (before the flips) as four byte-wide lookup tables: it
 * is linear over XOR, compact bit c → column[c], the qubit holding c plus every qubit linked to
 * c. Without links, the remaining compact bits go to the other qubits, so it is a permutation.
 * Each table covers only the values its byte of an n-bit index can take (a 5-qubit circuit
 * builds one table of 32 entries, not four of 256): a fresh small circuit per request pays for
 * the tables on every run.
 */
function indexTables(program: LazyProgram): readonly Int32Array[] {
  const known = tablesOf.get(program);
  if (known) return known;
  const n = program.numQubits;
  const { compact, links } = program;
  const column = new Int32Array(n);
  let spare = program.active;
  for (let q = 0; q < n; q++) {
    if (compact[q] >= 0) column[compact[q]] |= 1 << q;
    else if (links[q] === 0) column[spare++] = 1 << q;
    else for (let c = 0; c < program.active; c++) if ((links[q] >>> c) & 1) column[c] |= 1 << q;
  }
  const tables = [0, 1, 2, 3].map((byte) => {
    const bits = Math.min(8, Math.max(0, n - byte * 8));
    const t = new Int32Array(1 << bits);
    // Entry v is entry (v without its top bit) XOR that bit's column.
    for (let b = 0; b < bits; b++) {
      const col = column[byte * 8 + b];
      for (let v = 0; v < 1 << b; v++) t[v | (1 << b)] = t[v] ^ col;
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
 * following its cycles with a visited bitmap of 2^n bits (2 MiB at n = 24). With linked qubits
 * `buffer` holds only the 2^active compact amplitudes, and they are scattered into a new state.
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
  const [t0, t1, t2, t3] = indexTables(program);
  if (hasLinks(program)) {
    // `buffer` holds just the compact state: scatter its non-zero amplitudes.
    const out = new Float64Array(2 * 2 ** n);
    for (let i = 0; i < live; i++) {
      const re = buffer[2 * i];
      const im = buffer[2 * i + 1];
      if (re === 0 && im === 0) continue;
      const j = t0[i & 255] ^ t1[(i >>> 8) & 255] ^ t2[(i >>> 16) & 255] ^ t3[i >>> 24] ^ flips;
      out[2 * j] = re;
      out[2 * j + 1] = im;
    }
    return new StateVector(n, out);
  }
  let identity = flips === 0;
  for (let q = 0; q < n; q++) if (compact[q] >= 0 && compact[q] !== q) identity = false;
  if (identity) return new StateVector(n, buffer);
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
        t0[cur & 255] ^ t1[(cur >>> 8) & 255] ^ t2[(cur >>> 16) & 255] ^ t3[cur >>> 24] ^ flips;
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
