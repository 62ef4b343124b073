/**
 * Just enough 2×2 complex algebra for exporters whose target lacks a construct: the matrix of a
 * single-qubit gate, its Euler angles (to write it as U3 plus a phase) and a square root (to
 * build multi-controlled gates from singly controlled ones). Written out by hand rather than
 * taken from the simulator, so the round-trip tests compare two independent derivations.
 *
 * A matrix is [a, b, c, d] = [[a, b], [c, d]], each entry an [re, im] pair.
 */
export type Complex = readonly [number, number];
export type Mat2 = readonly [Complex, Complex, Complex, Complex];

const c = (re: number, im = 0): Complex => [re, im];
const expi = (angle: number): Complex => [Math.cos(angle), Math.sin(angle)];
const mul = (x: Complex, y: Complex): Complex => [
  x[0] * y[0] - x[1] * y[1],
  x[0] * y[1] + x[1] * y[0],
];
const add = (x: Complex, y: Complex): Complex => [x[0] + y[0], x[1] + y[1]];
const abs = (x: Complex): number => Math.hypot(x[0], x[1]);
const arg = (x: Complex): number => Math.atan2(x[1], x[0]);
const div = (x: Complex, y: Complex): Complex => {
  const d = y[0] * y[0] + y[1] * y[1];
  return [(x[0] * y[0] + x[1] * y[1]) / d, (x[1] * y[0] - x[0] * y[1]) / d];
};
const sqrtC = (x: Complex): Complex => {
  const r = Math.sqrt(abs(x));
  const t = arg(x) / 2;
  return [r * Math.cos(t), r * Math.sin(t)];
};

export function matMul(x: Mat2, y: Mat2): Mat2 {
  return [
    add(mul(x[0], y[0]), mul(x[1], y[2])),
    add(mul(x[0], y[1]), mul(x[1], y[3])),
    add(mul(x[2], y[0]), mul(x[3], y[2])),
    add(mul(x[2], y[1]), mul(x[3], y[3])),
  ];
}

export function adjoint(m: Mat2): Mat2 {
  const conj = (x: Complex): Complex => [x[0], -x[1]];
  return [conj(m[0]), conj(m[2]), conj(m[1]), conj(m[3])];
}

/** Qiskit's U3(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
export function u3Matrix(theta: number, phi: number, lambda: number): Mat2 {
  const co = Math.cos(theta / 2);
  const si = Math.sin(theta / 2);
  return [c(co), mul(c(-si), expi(lambda)), mul(c(si), expi(phi)), mul(c(co), expi(phi + lambda))];
}

const diag = (phase: number): Mat2 => [c(1), c(0), c(0), expi(phase)];
const H = Math.SQRT1_2;

/**
 * The matrix of a single-qubit catalog gate, or null for gates on more qubits. Definitions are
 * Qiskit's (sx = ½[[1+i, 1−i], [1−i, 1+i]], rz carries e^{∓iθ/2}, p does not).
 */
export function singleQubitMatrix(name: string, params: readonly number[]): Mat2 | null {
  const [a = 0, b = 0, d = 0] = params;
  switch (name) {
    case "id":
      return diag(0);
    case "x":
      return [c(0), c(1), c(1), c(0)];
    case "y":
      return [c(0), c(0, -1), c(0, 1), c(0)];
    case "z":
      return diag(Math.PI);
    case "h":
      return [c(H), c(H), c(H), c(-H)];
    case "s":
      return diag(Math.PI / 2);
    case "sdg":
      return diag(-Math.PI / 2);
    case "t":
      return diag(Math.PI / 4);
    case "tdg":
      return diag(-Math.PI / 4);
    case "sx":
      return [c(0.5, 0.5), c(0.5, -0.5), c(0.5, -0.5), c(0.5, 0.5)];
    case "sxdg":
      return [c(0.5, -0.5), c(0.5, 0.5), c(0.5, 0.5), c(0.5, -0.5)];
    case "rx":
      return [
        c(Math.cos(a / 2)),
        c(0, -Math.sin(a / 2)),
        c(0, -Math.sin(a / 2)),
        c(Math.cos(a / 2)),
      ];
    case "ry":
      return [c(Math.cos(a / 2)), c(-Math.sin(a / 2)), c(Math.sin(a / 2)), c(Math.cos(a / 2))];
    case "rz":
      return [expi(-a / 2), c(0), c(0), expi(a / 2)];
    case "p":
    case "u1":
    case "phase":
      return diag(a);
    case "u2":
      return u3Matrix(Math.PI / 2, a, b);
    case "u3":
    case "u":
    case "U":
      return u3Matrix(a, b, d);
    default:
      return null;
  }
}

/** Euler angles of a 2×2 unitary: m = e^{iγ}·U3(θ, φ, λ). */
export interface EulerAngles {
  readonly theta: number;
  readonly phi: number;
  readonly lambda: number;
  readonly gamma: number;
}

const EPS = 1e-14;

export function eulerAngles(m: Mat2): EulerAngles {
  const cosHalf = abs(m[0]);
  const sinHalf = abs(m[2]);
  const theta = 2 * Math.atan2(sinHalf, cosHalf);
  if (cosHalf > EPS && sinHalf > EPS) {
    const gamma = arg(m[0]);
    return { theta, phi: arg(m[2]) - gamma, lambda: arg(mul(c(-1), m[1])) - gamma, gamma };
  }
  if (sinHalf <= EPS) {
    // Diagonal: only φ+λ is defined; put it all in λ.
    const gamma = arg(m[0]);
    return { theta, phi: 0, lambda: arg(m[3]) - gamma, gamma };
  }
  // Anti-diagonal: the global phase and φ trade off; choose γ = 0.
  return { theta, phi: arg(m[2]), lambda: arg(mul(c(-1), m[1])), gamma: 0 };
}

/**
 * A unitary square root V (V·V = m) of a 2×2 unitary, from V = (m + s·I)/t with s² = det m and
 * t² = tr m + 2s; of the two signs of s the one farther from t = 0 is used.
 */
export function sqrtUnitary(m: Mat2): Mat2 {
  const det = add(mul(m[0], m[3]), mul(c(-1), mul(m[1], m[2])));
  const trace = add(m[0], m[3]);
  const root = sqrtC(det);
  const plus = add(trace, mul(c(2), root));
  const minus = add(trace, mul(c(-2), root));
  const s = abs(plus) >= abs(minus) ? root : mul(c(-1), root);
  const t = sqrtC(abs(plus) >= abs(minus) ? plus : minus);
  return [div(add(m[0], s), t), div(m[1], t), div(m[2], t), div(add(m[3], s), t)];
}

/** Largest entry-wise distance between two matrices. */
export function distance(x: Mat2, y: Mat2): number {
  return Math.max(...x.map((v, i) => abs(add(v, mul(c(-1), y[i])))));
}
