/**
 * Observables: Pauli sums ("0.5*Z0*Z1 - 0.3*X0 + 2"), their expectation values on a state, and
 * per-qubit Bloch vectors. Pure functions of a StateVector; nothing here changes the state.
 */
import { QuantumError } from "./errors";
import type { BlochVector } from "./result";
import type { StateVector } from "./statevector";

export type Pauli = "X" | "Y" | "Z";

export interface PauliFactor {
  readonly pauli: Pauli;
  readonly qubit: number;
}

/** coeff · P_{q1} ⊗ P_{q2} ⊗ … ; no factors means coeff · I. */
export interface PauliTerm {
  readonly coeff: number;
  readonly factors: readonly PauliFactor[];
}

export interface PauliSum {
  /** The text it was parsed from, used as the observable's label in results. */
  readonly text: string;
  readonly terms: readonly PauliTerm[];
}

const fail = (text: string, column: number, message: string): never => {
  throw new QuantumError("observable", `${message} at column ${column} of "${text}"`);
};

/**
 * Parses a Pauli sum. Grammar (whitespace allowed between tokens; columns in errors are 1-based):
 *
 *   pauliSum : sign? term ( sign term )*
 *   sign     : '+' | '-'
 *   term     : number ( '*' factor )*  |  factor ( '*' factor )*
 *   factor   : ( 'I' | 'X' | 'Y' | 'Z' ) DecimalIntegerLiteral        e.g. Z0, X12
 *   number   : DecimalIntegerLiteral | FloatLiteral                    e.g. 2, 0.5, 1e-3, .25
 *
 * A qubit may appear only once per term (products like X0*Y0 would give complex coefficients).
 * Identity factors (I3) are accepted and dropped. Throws QuantumError "observable".
 */
export function parsePauliSum(text: string): PauliSum {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const number = (): number | null => {
    const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  const factor = (): PauliFactor | "I" => {
    const start = i;
    const letter = text[i];
    if (letter !== "I" && letter !== "X" && letter !== "Y" && letter !== "Z") {
      return fail(text, start + 1, "expected a Pauli factor such as Z0");
    }
    i++;
    const m = /^\d+/.exec(text.slice(i));
    if (!m) return fail(text, i + 1, `expected a qubit index after "${letter}"`);
    i += m[0].length;
    const qubit = Number(m[0]);
    if (!Number.isSafeInteger(qubit))
      return fail(text, start + 2, `qubit index ${m[0]} is too large`);
    return letter === "I" ? "I" : { pauli: letter, qubit };
  };
  const term = (sign: number): PauliTerm => {
    skip();
    const start = i;
    let coeff = sign;
    const factors: PauliFactor[] = [];
    const add = (f: PauliFactor | "I", column: number): void => {
      if (f === "I") return;
      if (factors.some((g) => g.qubit === f.qubit)) {
        fail(text, column, `qubit ${f.qubit} appears twice in one term`);
      }
      factors.push(f);
    };
    const n = number();
    if (n === null) {
      if (i >= text.length) fail(text, i + 1, "expected a number or a Pauli factor such as Z0");
      if (!/[IXYZ]/.test(text[i]))
        fail(text, i + 1, "expected a number or a Pauli factor such as Z0");
      add(factor(), start + 1);
    } else {
      coeff *= n;
    }
    for (;;) {
      skip();
      if (text[i] !== "*") break;
      i++;
      skip();
      const column = i + 1;
      add(factor(), column);
    }
    return { coeff, factors };
  };

  skip();
  if (i >= text.length) fail(text, 1, "expected a Pauli sum, the observable is empty");
  const terms: PauliTerm[] = [];
  let sign = 1;
  if (text[i] === "+" || text[i] === "-") {
    sign = text[i] === "-" ? -1 : 1;
    i++;
  }
  terms.push(term(sign));
  for (;;) {
    skip();
    if (i >= text.length) break;
    if (text[i] !== "+" && text[i] !== "-")
      fail(text, i + 1, `expected "+", "-" or "*", found "${text[i]}"`);
    sign = text[i] === "-" ? -1 : 1;
    i++;
    terms.push(term(sign));
  }
  return { text, terms };
}

function parity(v: number): number {
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}

/** Throws QuantumError "observable" if the sum names a qubit the state does not have. */
export function checkQubits(sum: PauliSum, numQubits: number): void {
  for (const t of sum.terms) {
    for (const f of t.factors) {
      if (f.qubit >= numQubits) {
        throw new QuantumError(
          "observable",
          `observable "${sum.text}" names qubit ${f.qubit}, but the circuit has ${numQubits} qubit(s)`,
        );
      }
    }
  }
}

/**
 * ⟨ψ|P|ψ⟩ for one Pauli string, in one pass. P = i^{#Y} · X^x · Z^z (Y = iXZ), so
 * P|k⟩ = i^{#Y} (−1)^{popcount(k & z)} |k ⊕ x⟩ and ⟨ψ|P|ψ⟩ = i^{#Y} Σ_k conj(a_{k⊕x}) (−1)^{…} a_k.
 */
function pauliExpectation(state: StateVector, factors: readonly PauliFactor[]): number {
  let x = 0;
  let z = 0;
  let ys = 0;
  for (const f of factors) {
    if (f.pauli !== "Z") x |= 1 << f.qubit;
    if (f.pauli !== "X") z |= 1 << f.qubit;
    if (f.pauli === "Y") ys++;
  }
  const a = state.amps;
  let sr = 0;
  let si = 0;
  for (let k = 0; k < state.dim; k++) {
    const sign = parity(k & z) ? -1 : 1;
    const j = k ^ x;
    const ar = a[2 * k];
    const ai = a[2 * k + 1];
    const br = a[2 * j];
    const bi = a[2 * j + 1];
    // conj(b) · a
    sr += sign * (br * ar + bi * ai);
    si += sign * (br * ai - bi * ar);
  }
  // multiply by i^{ys} and keep the real part (the imaginary part is 0 for Hermitian P)
  switch (ys & 3) {
    case 0:
      return sr;
    case 1:
      return -si;
    case 2:
      return -sr;
    default:
      return si;
  }
}

/** ⟨ψ|H|ψ⟩ for a Pauli sum H (ψ assumed normalised). */
export function expectation(state: StateVector, sum: PauliSum): number {
  checkQubits(sum, state.numQubits);
  let total = 0;
  for (const t of sum.terms) {
    total += t.factors.length === 0 ? t.coeff : t.coeff * pauliExpectation(state, t.factors);
  }
  return total;
}

/**
 * Bloch vector of qubit q from its reduced density matrix ρ = (I + xX + yY + zZ)/2:
 * x = 2 Re ρ₁₀, y = 2 Im ρ₁₀, z = ρ₀₀ − ρ₁₁, with ρ₁₀ = Σ a_{k|1} conj(a_{k|0}). One pass.
 */
export function blochVector(state: StateVector, q: number): BlochVector {
  const a = state.amps;
  const step = 1 << q;
  let x = 0;
  let y = 0;
  let z = 0;
  for (let base = 0; base < state.dim; base += 2 * step) {
    for (let k = base; k < base + step; k++) {
      const p = 2 * k;
      const r = 2 * (k + step);
      const ar = a[p];
      const ai = a[p + 1];
      const br = a[r];
      const bi = a[r + 1];
      x += br * ar + bi * ai;
      y += bi * ar - br * ai;
      z += ar * ar + ai * ai - br * br - bi * bi;
    }
  }
  return { x: 2 * x, y: 2 * y, z };
}

export function blochVectors(state: StateVector): BlochVector[] {
  const out: BlochVector[] = [];
  for (let q = 0; q < state.numQubits; q++) out.push(blochVector(state, q));
  return out;
}
