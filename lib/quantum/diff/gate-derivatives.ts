/**
 * The parameterised gates as differentiable data: for each gate whose angles may depend on
 * inputs, its target matrix and the exact derivative of that matrix by each angle, both written
 * in place into a preallocated interleaved array (re, im of entry (r, c) at 2·(r·K + c)), so
 * rebinding and differentiating allocate nothing. Also the spectrum of each angle's generator,
 * which decides the parameter-shift rule.
 *
 * Matrices are Qiskit's, exactly as gates.ts builds them (same operations in the same order, so
 * a rebound gate has bit-for-bit the matrix the simulator would build); a test checks every
 * entry of this table against gates.ts, and every derivative against a finite difference.
 * Own controls (crx's control) are not part of the target matrix: the caller adds them, with
 * `ctrl @` controls, as it does for any gate.
 */

/**
 * How an angle α enters its gate, which fixes the shift rule on the gate with all its controls:
 * - "rotation": the gate is W·exp(−iαG)·V with G of eigenvalues ±1/2 (rx, the θ of U);
 *   uncontrolled it takes the two-term rule, under any control the four-term rule (the
 *   controlled generator has eigenvalues 0, ±1/2).
 * - "phase": the generator is a projector (eigenvalues 0 and 1: p, the φ and λ of U, a
 *   controlled global phase): the two-term rule, with or without controls. (An uncontrolled
 *   global phase changes no expectation value: its derivative is exactly 0.)
 */
export type ShiftKind = "rotation" | "phase";

export interface GateFamily {
  /** Number of target qubits of the matrix (0 for gphase). */
  readonly targets: number;
  readonly params: number;
  readonly shift: readonly ShiftKind[];
  /** Writes the target matrix for `p` into `out`. */
  readonly fill: (p: ArrayLike<number>, out: Float64Array) => void;
  /** Writes ∂(target matrix)/∂p[k] into `out`. */
  readonly derivative: (p: ArrayLike<number>, k: number, out: Float64Array) => void;
}

const set = (out: Float64Array, i: number, re: number, im: number): void => {
  out[2 * i] = re;
  out[2 * i + 1] = im;
};

/** U(θ,φ,λ) = [[c, −e^{iλ}s], [e^{iφ}s, e^{i(φ+λ)}c]], c = cos θ/2, s = sin θ/2 (as gates.ts). */
function fillU3(theta: number, phi: number, lambda: number, out: Float64Array): void {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const lr = Math.cos(lambda);
  const li = Math.sin(lambda);
  const pr = Math.cos(phi);
  const pi = Math.sin(phi);
  const plr = Math.cos(phi + lambda);
  const pli = Math.sin(phi + lambda);
  set(out, 0, c, 0);
  set(out, 1, -lr * s, -li * s);
  set(out, 2, pr * s, pi * s);
  set(out, 3, plr * c, pli * c);
}

/** ∂U/∂θ, ∂U/∂φ, ∂U/∂λ (k = 0, 1, 2). */
function deriveU3(theta: number, phi: number, lambda: number, k: number, out: Float64Array): void {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const lr = Math.cos(lambda);
  const li = Math.sin(lambda);
  const pr = Math.cos(phi);
  const pi = Math.sin(phi);
  const plr = Math.cos(phi + lambda);
  const pli = Math.sin(phi + lambda);
  switch (k) {
    case 0: // c' = −s/2, s' = c/2
      set(out, 0, -s / 2, 0);
      set(out, 1, (-lr * c) / 2, (-li * c) / 2);
      set(out, 2, (pr * c) / 2, (pi * c) / 2);
      set(out, 3, (-plr * s) / 2, (-pli * s) / 2);
      return;
    case 1: // (e^{iφ})' = i·e^{iφ}
      set(out, 0, 0, 0);
      set(out, 1, 0, 0);
      set(out, 2, -pi * s, pr * s);
      set(out, 3, -pli * c, plr * c);
      return;
    default: // (e^{iλ})' = i·e^{iλ}
      set(out, 0, 0, 0);
      set(out, 1, li * s, -lr * s);
      set(out, 2, 0, 0);
      set(out, 3, -pli * c, plr * c);
  }
}

const U3: GateFamily = {
  targets: 1,
  params: 3,
  shift: ["rotation", "phase", "phase"],
  fill: (p, out) => fillU3(p[0], p[1], p[2], out),
  derivative: (p, k, out) => deriveU3(p[0], p[1], p[2], k, out),
};

const U2: GateFamily = {
  targets: 1,
  params: 2,
  shift: ["phase", "phase"],
  fill: (p, out) => fillU3(Math.PI / 2, p[0], p[1], out),
  derivative: (p, k, out) => deriveU3(Math.PI / 2, p[0], p[1], k + 1, out),
};

/** e^{iγ}·U(θ,φ,λ): Qiskit's CUGate target (the γ phase is observable under the control). */
const CU: GateFamily = {
  targets: 1,
  params: 4,
  shift: ["rotation", "phase", "phase", "phase"],
  fill: (p, out) => {
    fillU3(p[0], p[1], p[2], out);
    scaleBy(out, 4, Math.cos(p[3]), Math.sin(p[3]));
  },
  derivative: (p, k, out) => {
    if (k === 3) {
      fillU3(p[0], p[1], p[2], out);
      // (e^{iγ})' = i·e^{iγ}
      scaleBy(out, 4, -Math.sin(p[3]), Math.cos(p[3]));
    } else {
      deriveU3(p[0], p[1], p[2], k, out);
      scaleBy(out, 4, Math.cos(p[3]), Math.sin(p[3]));
    }
  },
};

/** Multiplies the first `entries` entries by (re + i·im), as complex-matrix.scale does. */
function scaleBy(out: Float64Array, entries: number, re: number, im: number): void {
  for (let i = 0; i < entries; i++) {
    const xr = out[2 * i];
    const xi = out[2 * i + 1];
    out[2 * i] = xr * re - xi * im;
    out[2 * i + 1] = xr * im + xi * re;
  }
}

const PHASE: GateFamily = {
  targets: 1,
  params: 1,
  shift: ["phase"],
  fill: (p, out) => {
    set(out, 0, 1, 0);
    set(out, 1, 0, 0);
    set(out, 2, 0, 0);
    set(out, 3, Math.cos(p[0]), Math.sin(p[0]));
  },
  derivative: (p, _k, out) => {
    out.fill(0);
    set(out, 3, -Math.sin(p[0]), Math.cos(p[0]));
  },
};

const RX: GateFamily = {
  targets: 1,
  params: 1,
  shift: ["rotation"],
  fill: (p, out) => {
    const c = Math.cos(p[0] / 2);
    const s = Math.sin(p[0] / 2);
    set(out, 0, c, 0);
    set(out, 1, 0, -s);
    set(out, 2, 0, -s);
    set(out, 3, c, 0);
  },
  derivative: (p, _k, out) => {
    const c = Math.cos(p[0] / 2) / 2;
    const s = Math.sin(p[0] / 2) / 2;
    set(out, 0, -s, 0);
    set(out, 1, 0, -c);
    set(out, 2, 0, -c);
    set(out, 3, -s, 0);
  },
};

const RY: GateFamily = {
  targets: 1,
  params: 1,
  shift: ["rotation"],
  fill: (p, out) => {
    const c = Math.cos(p[0] / 2);
    const s = Math.sin(p[0] / 2);
    set(out, 0, c, 0);
    set(out, 1, -s, 0);
    set(out, 2, s, 0);
    set(out, 3, c, 0);
  },
  derivative: (p, _k, out) => {
    const c = Math.cos(p[0] / 2) / 2;
    const s = Math.sin(p[0] / 2) / 2;
    set(out, 0, -s, 0);
    set(out, 1, -c, 0);
    set(out, 2, c, 0);
    set(out, 3, -s, 0);
  },
};

const RZ: GateFamily = {
  targets: 1,
  params: 1,
  shift: ["rotation"],
  fill: (p, out) => {
    set(out, 0, Math.cos(-p[0] / 2), Math.sin(-p[0] / 2));
    set(out, 1, 0, 0);
    set(out, 2, 0, 0);
    set(out, 3, Math.cos(p[0] / 2), Math.sin(p[0] / 2));
  },
  derivative: (p, _k, out) => {
    // (e^{∓iθ/2})' = ∓(i/2)·e^{∓iθ/2}
    const c = Math.cos(p[0] / 2) / 2;
    const s = Math.sin(p[0] / 2) / 2;
    set(out, 0, -s, -c);
    set(out, 1, 0, 0);
    set(out, 2, 0, 0);
    set(out, 3, -s, c);
  },
};

/** exp(−iθ X⊗X/2) = cos(θ/2)·I − i·sin(θ/2)·X⊗X. */
const RXX: GateFamily = {
  targets: 2,
  params: 1,
  shift: ["rotation"],
  fill: (p, out) => {
    out.fill(0);
    const c = Math.cos(p[0] / 2);
    const s = Math.sin(p[0] / 2);
    for (let r = 0; r < 4; r++) {
      set(out, r * 4 + r, c, 0);
      set(out, r * 4 + (3 - r), 0, -s);
    }
  },
  derivative: (p, _k, out) => {
    out.fill(0);
    const c = Math.cos(p[0] / 2) / 2;
    const s = Math.sin(p[0] / 2) / 2;
    for (let r = 0; r < 4; r++) {
      set(out, r * 4 + r, -s, 0);
      set(out, r * 4 + (3 - r), 0, -c);
    }
  },
};

/** exp(−iθ Z⊗Z/2): e^{−iθ/2} on even parity (|00⟩, |11⟩), e^{+iθ/2} on odd parity. */
const RZZ: GateFamily = {
  targets: 2,
  params: 1,
  shift: ["rotation"],
  fill: (p, out) => {
    out.fill(0);
    const er = Math.cos(-p[0] / 2);
    const ei = Math.sin(-p[0] / 2);
    const or = Math.cos(p[0] / 2);
    const oi = Math.sin(p[0] / 2);
    set(out, 0, er, ei);
    set(out, 5, or, oi);
    set(out, 10, or, oi);
    set(out, 15, er, ei);
  },
  derivative: (p, _k, out) => {
    out.fill(0);
    const c = Math.cos(p[0] / 2) / 2;
    const s = Math.sin(p[0] / 2) / 2;
    set(out, 0, -s, -c);
    set(out, 5, -s, c);
    set(out, 10, -s, c);
    set(out, 15, -s, -c);
  },
};

/** A global phase e^{iα}: a 1×1 matrix, controlled by the op's controls if it has any. */
export const GPHASE: GateFamily = {
  targets: 0,
  params: 1,
  shift: ["phase"],
  fill: (p, out) => set(out, 0, Math.cos(p[0]), Math.sin(p[0])),
  derivative: (p, _k, out) => set(out, 0, -Math.sin(p[0]), Math.cos(p[0])),
};

/** Every catalog gate with parameters; each may have input-dependent angles. */
export const GATE_FAMILIES: ReadonlyMap<string, GateFamily> = new Map([
  ["U", U3],
  ["u3", U3],
  ["u", U3],
  ["cu3", U3],
  ["u2", U2],
  ["u1", PHASE],
  ["p", PHASE],
  ["phase", PHASE],
  ["cu1", PHASE],
  ["cp", PHASE],
  ["cphase", PHASE],
  ["rx", RX],
  ["crx", RX],
  ["ry", RY],
  ["cry", RY],
  ["rz", RZ],
  ["crz", RZ],
  ["cu", CU],
  ["rxx", RXX],
  ["rzz", RZZ],
]);

/** Names of the differentiable gates, for the module documentation and the registry test. */
export const DIFFERENTIABLE_GATES: readonly string[] = [...GATE_FAMILIES.keys(), "gphase"];
