/**
 * Test helper: the unitary of a list of IR gate ops, computed by applying each op to every basis
 * state with a plain loop. Deliberately independent of the front end's own matrix code
 * (op-transforms.ts) so that the two can check each other; gate matrices come from gates.ts.
 */
import { gateMatrix } from "@/lib/quantum/gates";
import type { Matrix, Op } from "@/lib/quantum/ir";

type State = { re: Float64Array; im: Float64Array };

function applyOp(state: State, op: Op): void {
  if (op.kind === "barrier") return;
  if (op.kind !== "gate" && op.kind !== "gphase") throw new Error(`not unitary: ${op.kind}`);
  const dim = state.re.length;
  const controlled = (i: number) =>
    op.controls.every((c, j) => ((i >> c) & 1) === op.controlStates[j]);
  if (op.kind === "gphase") {
    const [c, s] = [Math.cos(op.angle), Math.sin(op.angle)];
    for (let i = 0; i < dim; i++) {
      if (!controlled(i)) continue;
      const [r, m] = [state.re[i], state.im[i]];
      state.re[i] = r * c - m * s;
      state.im[i] = r * s + m * c;
    }
    return;
  }
  const matrix: Matrix = op.matrix ?? gateMatrix(op.name, op.params);
  const k = op.qubits.length;
  const mask = op.qubits.reduce((m, q) => m | (1 << q), 0);
  const spread = (s: number) => op.qubits.reduce((i, q, j) => i | (((s >> j) & 1) << q), 0);
  for (let base = 0; base < dim; base++) {
    if ((base & mask) !== 0 || !controlled(base)) continue;
    const idx = Array.from({ length: 1 << k }, (_, s) => base | spread(s));
    const inRe = idx.map((i) => state.re[i]);
    const inIm = idx.map((i) => state.im[i]);
    for (let r = 0; r < 1 << k; r++) {
      let sr = 0;
      let si = 0;
      for (let c = 0; c < 1 << k; c++) {
        const mr = matrix.re[r * matrix.dim + c];
        const mi = matrix.im[r * matrix.dim + c];
        sr += mr * inRe[c] - mi * inIm[c];
        si += mr * inIm[c] + mi * inRe[c];
      }
      state.re[idx[r]] = sr;
      state.im[idx[r]] = si;
    }
  }
}

/** Column k is the image of basis state |k⟩ (qubit 0 the least significant bit). */
export function unitaryOf(ops: readonly Op[], numQubits: number): Matrix {
  const dim = 1 << numQubits;
  const out = { dim, re: new Float64Array(dim * dim), im: new Float64Array(dim * dim) };
  for (let col = 0; col < dim; col++) {
    const state = { re: new Float64Array(dim), im: new Float64Array(dim) };
    state.re[col] = 1;
    for (const op of ops) applyOp(state, op);
    for (let row = 0; row < dim; row++) {
      out.re[row * dim + col] = state.re[row];
      out.im[row * dim + col] = state.im[row];
    }
  }
  return out;
}

/** Largest entry-wise distance between a and e^{iφ}·b for the best global phase φ. */
export function distanceUpToPhase(a: Matrix, b: Matrix): number {
  let best = 0;
  let pr = 1;
  let pi = 0;
  for (let i = 0; i < a.re.length; i++) {
    const size = Math.hypot(b.re[i], b.im[i]);
    if (size > best) {
      best = size;
      // phase = a_i / b_i
      const d = b.re[i] ** 2 + b.im[i] ** 2;
      pr = (a.re[i] * b.re[i] + a.im[i] * b.im[i]) / d;
      pi = (a.im[i] * b.re[i] - a.re[i] * b.im[i]) / d;
    }
  }
  const norm = Math.hypot(pr, pi) || 1;
  [pr, pi] = [pr / norm, pi / norm];
  let worst = 0;
  for (let i = 0; i < a.re.length; i++) {
    const br = b.re[i] * pr - b.im[i] * pi;
    const bi = b.re[i] * pi + b.im[i] * pr;
    worst = Math.max(worst, Math.hypot(a.re[i] - br, a.im[i] - bi));
  }
  return worst;
}

export function distance(a: Matrix, b: Matrix): number {
  let worst = 0;
  for (let i = 0; i < a.re.length; i++) {
    worst = Math.max(worst, Math.hypot(a.re[i] - b.re[i], a.im[i] - b.im[i]));
  }
  return worst;
}
