/**
 * Closed forms for the inverse and the powers of standard gates, so that `inv @ s` stays a named
 * `sdg` (cheap to simulate, readable in a diagram and an export) instead of becoming a matrix.
 * A gate missing here is not an error: the caller falls back to a "unitary" op built from the
 * gate's matrix.
 */

import { NUMBER_ARITHMETIC, type AngleArithmetic } from "../angle";

/**
 * A named gate; `leadingControls` turns that many leading qubits into `controls`. Parameters are
 * numbers, or angle expressions in a program compiled for rebinding (same formulas for both).
 */
export interface NamedGate<T = number> {
  readonly name: string;
  readonly params: readonly T[];
  readonly leadingControls?: number;
}

const SELF_INVERSE = new Set([
  "id",
  "x",
  "y",
  "z",
  "h",
  "CX",
  "cx",
  "cy",
  "cz",
  "ch",
  "swap",
  "ccx",
  "cswap",
  "c3x",
  "c4x",
]);

const SWAPPED: ReadonlyMap<string, string> = new Map([
  ["s", "sdg"],
  ["sdg", "s"],
  ["t", "tdg"],
  ["tdg", "t"],
  ["sx", "sxdg"],
  ["sxdg", "sx"],
]);

/** Gates whose every parameter is an angle that composes additively: G(a)·G(b) = G(a + b). */
const ADDITIVE = new Set([
  "rx",
  "ry",
  "rz",
  "p",
  "phase",
  "u1",
  "cp",
  "cphase",
  "cu1",
  "crx",
  "cry",
  "crz",
  "rxx",
  "rzz",
]);

/** The exact inverse (not merely up to global phase), or undefined when there is no closed form. */
export function inverseGate<T = number>(
  name: string,
  params: readonly T[],
  arithmetic: AngleArithmetic<T> = NUMBER_ARITHMETIC as unknown as AngleArithmetic<T>,
): NamedGate<T> | undefined {
  const neg = arithmetic.neg;
  if (SELF_INVERSE.has(name)) return { name, params };
  const swapped = SWAPPED.get(name);
  if (swapped !== undefined) return { name: swapped, params };
  if (ADDITIVE.has(name)) return { name, params: params.map((p) => neg(p)) };
  switch (name) {
    case "U":
    case "u3":
    case "u":
    case "cu3": {
      // U(θ,φ,λ)† = U(−θ,−λ,−φ)
      const [theta, phi, lambda] = params;
      return { name, params: [neg(theta), neg(lambda), neg(phi)] };
    }
    case "cu": {
      const [theta, phi, lambda, gamma] = params;
      return { name, params: [neg(theta), neg(lambda), neg(phi), neg(gamma)] };
    }
    case "u2": {
      // U(π/2,φ,λ)† = U(−π/2,−λ,−φ) = U(π/2, −λ−π, −φ+π)
      const [phi, lambda] = params;
      return {
        name,
        params: [arithmetic.shift(neg(lambda), -Math.PI), arithmetic.shift(neg(phi), Math.PI)],
      };
    }
    case "csx":
      return { name: "sxdg", params: [], leadingControls: 1 };
    case "c3sqrtx":
      return { name: "sxdg", params: [], leadingControls: 3 };
    default:
      return undefined;
  }
}

/**
 * G^k for a non-integer k as a named gate: rotations scale their angle, and the phase gates
 * s, t, z (and their inverses) become a phase gate p(k·angle). Undefined when there is no
 * closed form.
 */
export function powerGate<T = number>(
  name: string,
  params: readonly T[],
  k: number,
  arithmetic: AngleArithmetic<T> = NUMBER_ARITHMETIC as unknown as AngleArithmetic<T>,
): NamedGate<T | number> | undefined {
  if (ADDITIVE.has(name)) return { name, params: params.map((p) => arithmetic.scale(p, k)) };
  const phase = PHASE_ANGLES.get(name);
  if (phase !== undefined) return { name: "p", params: [phase * k] };
  if (name === "cz") return { name: "cp", params: [Math.PI * k] };
  if (name === "id") return { name, params };
  return undefined;
}

const PHASE_ANGLES: ReadonlyMap<string, number> = new Map([
  ["z", Math.PI],
  ["s", Math.PI / 2],
  ["sdg", -Math.PI / 2],
  ["t", Math.PI / 4],
  ["tdg", -Math.PI / 4],
]);
