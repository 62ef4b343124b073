/**
 * An independent dense reference simulator for tests: every operation becomes a full 2^n × 2^n
 * unitary built with Kronecker products and permutation matrices, and states are multiplied by
 * it with a plain matrix-vector product. Slow (≤ 8 qubits) and obviously correct.
 *
 * Deliberately shares no code with lib/quantum's gate library or kernels. Gate matrices are
 * written as in textbooks: big-endian, first operand = most significant bit of the matrix index,
 * controls first, controlled-U = diag(I, …, I, U). The engine's convention is the opposite
 * (operand 0 = least significant), so agreement between the two also checks the bit order.
 */
import type { Circuit, GateOp, GlobalPhaseOp, Op } from "@/lib/quantum/ir";

export interface RMat {
  readonly dim: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export interface RVec {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export const MAX_REFERENCE_QUBITS = 8;

type Cx = readonly [number, number];
const c = (re: number, im = 0): Cx => [re, im];
const cexp = (t: number): Cx => [Math.cos(t), Math.sin(t)];

function mat(rows: readonly (readonly (number | Cx)[])[]): RMat {
  const dim = rows.length;
  const re = new Float64Array(dim * dim);
  const im = new Float64Array(dim * dim);
  rows.forEach((row, r) =>
    row.forEach((e, k) => {
      re[r * dim + k] = typeof e === "number" ? e : e[0];
      im[r * dim + k] = typeof e === "number" ? 0 : e[1];
    }),
  );
  return { dim, re, im };
}

export function eye(dim: number): RMat {
  const re = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) re[i * dim + i] = 1;
  return { dim, re, im: new Float64Array(dim * dim) };
}

export function matmul(a: RMat, b: RMat): RMat {
  const d = a.dim;
  const re = new Float64Array(d * d);
  const im = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) {
      const xr = a.re[i * d + k];
      const xi = a.im[i * d + k];
      if (xr === 0 && xi === 0) continue;
      for (let j = 0; j < d; j++) {
        re[i * d + j] += xr * b.re[k * d + j] - xi * b.im[k * d + j];
        im[i * d + j] += xr * b.im[k * d + j] + xi * b.re[k * d + j];
      }
    }
  }
  return { dim: d, re, im };
}

/** a ⊗ b: a acts on the more significant bits. */
export function kron(a: RMat, b: RMat): RMat {
  const d = a.dim * b.dim;
  const re = new Float64Array(d * d);
  const im = new Float64Array(d * d);
  for (let i = 0; i < a.dim; i++)
    for (let j = 0; j < a.dim; j++)
      for (let k = 0; k < b.dim; k++)
        for (let l = 0; l < b.dim; l++) {
          const r = i * b.dim + k;
          const col = j * b.dim + l;
          const ar = a.re[i * a.dim + j];
          const ai = a.im[i * a.dim + j];
          const br = b.re[k * b.dim + l];
          const bi = b.im[k * b.dim + l];
          re[r * d + col] = ar * br - ai * bi;
          im[r * d + col] = ar * bi + ai * br;
        }
  return { dim: d, re, im };
}

function add(a: RMat, b: RMat, sb: Cx = c(1)): RMat {
  const re = new Float64Array(a.re.length);
  const im = new Float64Array(a.re.length);
  for (let i = 0; i < re.length; i++) {
    re[i] = a.re[i] + sb[0] * b.re[i] - sb[1] * b.im[i];
    im[i] = a.im[i] + sb[0] * b.im[i] + sb[1] * b.re[i];
  }
  return { dim: a.dim, re, im };
}

function scaled(a: RMat, s: Cx): RMat {
  return add(
    { dim: a.dim, re: new Float64Array(a.re.length), im: new Float64Array(a.re.length) },
    a,
    s,
  );
}

export function dagger(a: RMat): RMat {
  const d = a.dim;
  const re = new Float64Array(d * d);
  const im = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      re[j * d + i] = a.re[i * d + j];
      im[j * d + i] = -a.im[i * d + j];
    }
  return { dim: d, re, im };
}

/** diag(I, …, I, U) with `n` controls in front (most significant). */
function ctrl(u: RMat, n: number): RMat {
  const d = u.dim << n;
  let out = eye(d);
  out = { dim: d, re: out.re.slice(), im: out.im.slice() };
  const off = d - u.dim;
  for (let i = 0; i < u.dim; i++)
    for (let j = 0; j < u.dim; j++) {
      out.re[(off + i) * d + off + j] = u.re[i * u.dim + j];
      out.im[(off + i) * d + off + j] = u.im[i * u.dim + j];
    }
  return out;
}

const I2 = eye(2);
const X = mat([
  [0, 1],
  [1, 0],
]);
const Y = mat([
  [0, c(0, -1)],
  [c(0, 1), 0],
]);
const Z = mat([
  [1, 0],
  [0, -1],
]);
const H = scaled(
  mat([
    [1, 1],
    [1, -1],
  ]),
  c(Math.SQRT1_2),
);
const P = (l: number): RMat =>
  mat([
    [1, 0],
    [0, cexp(l)],
  ]);
const SX = scaled(
  mat([
    [c(1, 1), c(1, -1)],
    [c(1, -1), c(1, 1)],
  ]),
  c(0.5),
);
const SWAP = mat([
  [1, 0, 0, 0],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
]);
/** exp(−iθ/2 · G) for an involution G (G² = I): cos(θ/2)·I − i sin(θ/2)·G. */
const rot = (g: RMat, t: number): RMat =>
  add(scaled(eye(g.dim), c(Math.cos(t / 2))), g, c(0, -Math.sin(t / 2)));
/** OpenQASM's U(θ, φ, λ) as printed in the OpenQASM 2 paper. */
const U = (t: number, p: number, l: number): RMat =>
  mat([
    [c(Math.cos(t / 2)), mulc(cexp(l), -Math.sin(t / 2))],
    [mulc(cexp(p), Math.sin(t / 2)), mulc(cexp(p + l), Math.cos(t / 2))],
  ]);
function mulc(z: Cx, s: number): Cx {
  return [z[0] * s, z[1] * s];
}

/** Qiskit's RCCXGate matrix as printed in its documentation (little-endian, operands a, b, c). */
const RCCX_QISKIT = mat([
  [1, 0, 0, 0, 0, 0, 0, 0],
  [0, 1, 0, 0, 0, 0, 0, 0],
  [0, 0, 1, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, c(0, -1)],
  [0, 0, 0, 0, 1, 0, 0, 0],
  [0, 0, 0, 0, 0, -1, 0, 0],
  [0, 0, 0, 0, 0, 0, 1, 0],
  [0, 0, 0, c(0, 1), 0, 0, 0, 0],
]);

/** Reverses the bit order of every index: converts little-endian ↔ big-endian matrices. */
export function reverseBits(m: RMat): RMat {
  const k = Math.round(Math.log2(m.dim));
  const rev = (x: number): number => {
    let y = 0;
    for (let b = 0; b < k; b++) if ((x >> b) & 1) y |= 1 << (k - 1 - b);
    return y;
  };
  const re = new Float64Array(m.re.length);
  const im = new Float64Array(m.re.length);
  for (let i = 0; i < m.dim; i++)
    for (let j = 0; j < m.dim; j++) {
      re[rev(i) * m.dim + rev(j)] = m.re[i * m.dim + j];
      im[rev(i) * m.dim + rev(j)] = m.im[i * m.dim + j];
    }
  return { dim: m.dim, re, im };
}

/** The qelib1.inc body of rc3x a,b,c,d, as (gate, params, operand indices). */
const RC3X_BODY: readonly [string, number[], number[]][] = (() => {
  const h: [string, number[]] = ["u2", [0, Math.PI]];
  const t: [string, number[]] = ["u1", [Math.PI / 4]];
  const td: [string, number[]] = ["u1", [-Math.PI / 4]];
  const [a, b, cc, d] = [0, 1, 2, 3];
  return [
    [...h, [d]],
    [...t, [d]],
    ["cx", [], [cc, d]],
    [...td, [d]],
    [...h, [d]],
    ["cx", [], [a, d]],
    [...t, [d]],
    ["cx", [], [b, d]],
    [...td, [d]],
    ["cx", [], [a, d]],
    [...t, [d]],
    ["cx", [], [b, d]],
    [...td, [d]],
    [...h, [d]],
    [...t, [d]],
    ["cx", [], [cc, d]],
    [...td, [d]],
    [...h, [d]],
  ];
})();

/** Textbook (big-endian, controls first) matrix of a named gate. */
export function textbookGate(name: string, p: readonly number[]): RMat {
  switch (name) {
    case "U":
    case "u3":
    case "u":
      return U(p[0], p[1], p[2]);
    case "u2":
      return U(Math.PI / 2, p[0], p[1]);
    case "u1":
    case "p":
    case "phase":
      return P(p[0]);
    case "id":
      return I2;
    case "x":
      return X;
    case "y":
      return Y;
    case "z":
      return Z;
    case "h":
      return H;
    case "s":
      return P(Math.PI / 2);
    case "sdg":
      return P(-Math.PI / 2);
    case "t":
      return P(Math.PI / 4);
    case "tdg":
      return P(-Math.PI / 4);
    case "sx":
      return SX;
    case "sxdg":
      return dagger(SX);
    case "rx":
      return rot(X, p[0]);
    case "ry":
      return rot(Y, p[0]);
    case "rz":
      return rot(Z, p[0]);
    case "CX":
    case "cx":
      return ctrl(X, 1);
    case "cy":
      return ctrl(Y, 1);
    case "cz":
      return ctrl(Z, 1);
    case "ch":
      return ctrl(H, 1);
    case "swap":
      return SWAP;
    case "ccx":
      return ctrl(X, 2);
    case "cswap":
      return ctrl(SWAP, 1);
    case "crx":
      return ctrl(rot(X, p[0]), 1);
    case "cry":
      return ctrl(rot(Y, p[0]), 1);
    case "crz":
      return ctrl(rot(Z, p[0]), 1);
    case "cu1":
    case "cp":
    case "cphase":
      return ctrl(P(p[0]), 1);
    case "cu3":
      return ctrl(U(p[0], p[1], p[2]), 1);
    case "csx":
      return ctrl(SX, 1);
    case "cu":
      return ctrl(scaled(U(p[0], p[1], p[2]), cexp(p[3])), 1);
    case "rxx":
      return rot(kron(X, X), p[0]);
    case "rzz":
      return rot(kron(Z, Z), p[0]);
    case "rccx":
      return reverseBits(RCCX_QISKIT);
    case "rc3x":
      // place() builds little-endian matrices (operand a = qubit 0); textbook order is big-endian
      return reverseBits(sequenceUnitary(4, RC3X_BODY));
    case "c3x":
      return ctrl(X, 3);
    case "c3sqrtx":
      return ctrl(SX, 3);
    case "c4x":
      return ctrl(X, 4);
    default:
      throw new Error(`the reference has no gate "${name}"`);
  }
}

/** The same matrix in the engine's convention (operand 0 = least significant bit). */
export function textbookGateLittleEndian(name: string, p: readonly number[]): RMat {
  return reverseBits(textbookGate(name, p));
}

/**
 * Full 2^n matrix of `g` (big-endian over `operands`): P^T · (I ⊗ g) · P, where the permutation P
 * moves operand j to bit (k − 1 − j) and the other qubits, in ascending order, above them.
 */
export function place(g: RMat, operands: readonly number[], n: number): RMat {
  const k = operands.length;
  const rest = [...Array(n).keys()].filter((q) => !operands.includes(q));
  const dim = 1 << n;
  const perm = { dim, re: new Float64Array(dim * dim), im: new Float64Array(dim * dim) };
  for (let x = 0; x < dim; x++) {
    let y = 0;
    operands.forEach((q, j) => {
      if ((x >> q) & 1) y |= 1 << (k - 1 - j);
    });
    rest.forEach((q, j) => {
      if ((x >> q) & 1) y |= 1 << (k + j);
    });
    perm.re[y * dim + x] = 1;
  }
  return matmul(dagger(perm), matmul(kron(eye(1 << (n - k)), g), perm));
}

function sequenceUnitary(
  n: number,
  body: readonly (readonly [string, number[], number[]])[],
): RMat {
  let u = eye(1 << n);
  for (const [name, params, qs] of body) u = matmul(place(textbookGate(name, params), qs, n), u);
  return u;
}

/** Full unitary of one gate or gphase op, with `ctrl @`/`negctrl @` controls. */
export function opUnitary(op: GateOp | GlobalPhaseOp, n: number): RMat {
  let g: RMat;
  let targets: readonly number[];
  if (op.kind === "gphase") {
    g = mat([[cexp(op.angle)]]);
    targets = [];
  } else if (op.name === "unitary") {
    // op.matrix is little-endian over op.qubits
    g = reverseBits({ dim: op.matrix!.dim, re: op.matrix!.re, im: op.matrix!.im });
    targets = op.qubits;
  } else {
    g = textbookGate(op.name, op.params);
    targets = op.qubits;
  }
  const operands = [...op.controls, ...targets];
  let full = place(ctrl(g, op.controls.length), operands, n);
  // negctrl: conjugate by X on each control that must read 0
  op.controlStates.forEach((s, j) => {
    if (s === 0) {
      const flip = place(X, [op.controls[j]], n);
      full = matmul(flip, matmul(full, flip));
    }
  });
  return full;
}

function unitaryOps(circuit: Circuit): (GateOp | GlobalPhaseOp)[] {
  return circuit.ops.filter((op: Op): op is GateOp | GlobalPhaseOp => {
    if (op.kind === "gate" || op.kind === "gphase") {
      if (op.condition) throw new Error("the reference does not simulate classical control");
      return true;
    }
    if (op.kind === "barrier" || op.kind === "measure") return false; // measures: pre-measurement state
    throw new Error(`the reference does not simulate ${op.kind}`);
  });
}

/** The circuit's unitary, op by op (measurements ignored). */
export function referenceUnitary(circuit: Circuit): RMat {
  const n = circuit.numQubits;
  if (n > MAX_REFERENCE_QUBITS)
    throw new Error(`the reference handles at most ${MAX_REFERENCE_QUBITS} qubits`);
  let u = eye(1 << n);
  for (const op of unitaryOps(circuit)) u = matmul(opUnitary(op, n), u);
  return u;
}

/** U · |0…0⟩ (or U · |initial⟩), computed with one full matrix per op. */
export function referenceState(circuit: Circuit, initial?: RVec): RVec {
  const n = circuit.numQubits;
  if (n > MAX_REFERENCE_QUBITS)
    throw new Error(`the reference handles at most ${MAX_REFERENCE_QUBITS} qubits`);
  const dim = 1 << n;
  let re = new Float64Array(dim);
  let im = new Float64Array(dim);
  if (initial) {
    re.set(initial.re);
    im.set(initial.im);
  } else re[0] = 1;
  for (const op of unitaryOps(circuit)) {
    const u = opUnitary(op, n);
    const nr = new Float64Array(dim);
    const ni = new Float64Array(dim);
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++) {
        nr[i] += u.re[i * dim + j] * re[j] - u.im[i * dim + j] * im[j];
        ni[i] += u.re[i * dim + j] * im[j] + u.im[i * dim + j] * re[j];
      }
    re = nr;
    im = ni;
  }
  return { re, im };
}

/** mulberry32: a tiny deterministic generator for test data (independent of the engine's PRNG). */
export function testRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random normalised state on n qubits. */
export function randomVec(n: number, seed: number): RVec {
  const rand = testRandom(seed);
  const dim = 1 << n;
  const re = new Float64Array(dim);
  const im = new Float64Array(dim);
  let norm = 0;
  for (let i = 0; i < dim; i++) {
    re[i] = rand() - 0.5;
    im[i] = rand() - 0.5;
    norm += re[i] * re[i] + im[i] * im[i];
  }
  const f = 1 / Math.sqrt(norm);
  for (let i = 0; i < dim; i++) {
    re[i] *= f;
    im[i] *= f;
  }
  return { re, im };
}

/** Largest |a_k − b_k|. */
export function vecDistance(a: RVec, b: RVec): number {
  let worst = 0;
  for (let i = 0; i < a.re.length; i++)
    worst = Math.max(worst, Math.hypot(a.re[i] - b.re[i], a.im[i] - b.im[i]));
  return worst;
}

/** m · v. */
export function matVec(m: RMat, v: RVec): RVec {
  const d = m.dim;
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      re[i] += m.re[i * d + j] * v.re[j] - m.im[i * d + j] * v.im[j];
      im[i] += m.re[i * d + j] * v.im[j] + m.im[i * d + j] * v.re[j];
    }
  return { re, im };
}
