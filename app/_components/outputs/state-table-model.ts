/**
 * Rows of the state-vector table and the paging over them, computed without a DOM.
 *
 * `statevector[k]` is the amplitude of basis state k with qubit 0 as the least significant bit,
 * so the ket label of k is k in binary, q[n-1] first (Qiskit's order).
 */
import { formatInteger, phaseOf } from "./format-model";

/** Amplitudes with |a| at or below this are treated as zero and not listed. */
export const AMPLITUDE_EPSILON = 1e-9;
export const STATE_PAGE_SIZE = 16;

export interface StateRow {
  readonly index: number;
  /** Bits q[n-1]…q[0], without the ket brackets. */
  readonly bits: string;
  readonly re: number;
  readonly im: number;
  readonly probability: number;
  /** Phase in (-π, π]. */
  readonly phase: number;
}

export function basisBits(index: number, numQubits: number): string {
  return numQubits === 0 ? "" : index.toString(2).padStart(numQubits, "0");
}

/**
 * Indices of the nonzero amplitudes (|a| > epsilon), in basis-state order. Rows are built only
 * for the page on screen: a 16-qubit state has 65,536 of them.
 */
export function nonzeroIndices(
  statevector: readonly (readonly [number, number])[],
  numQubits: number,
  epsilon = AMPLITUDE_EPSILON,
): number[] {
  if (statevector.length !== 2 ** numQubits) {
    throw new RangeError(
      `a ${numQubits}-qubit state has ${2 ** numQubits} amplitudes, got ${statevector.length}`,
    );
  }
  const threshold = epsilon * epsilon;
  const indices: number[] = [];
  for (let k = 0; k < statevector.length; k++) {
    const [re, im] = statevector[k];
    if (re * re + im * im > threshold) indices.push(k);
  }
  return indices;
}

export function stateRow(
  statevector: readonly (readonly [number, number])[],
  index: number,
  numQubits: number,
): StateRow {
  const [re, im] = statevector[index];
  return {
    index,
    bits: basisBits(index, numQubits),
    re,
    im,
    probability: re * re + im * im,
    phase: phaseOf(re, im),
  };
}

/** All rows of the nonzero amplitudes, in basis-state order. */
export function stateRows(
  statevector: readonly (readonly [number, number])[],
  numQubits: number,
  epsilon = AMPLITUDE_EPSILON,
): StateRow[] {
  return nonzeroIndices(statevector, numQubits, epsilon).map((k) =>
    stateRow(statevector, k, numQubits),
  );
}

export interface Page {
  /** 0-based page actually shown (the requested one, clamped into range). */
  readonly page: number;
  readonly pageCount: number;
  /** Half-open range [start, end) of the items on this page. */
  readonly start: number;
  readonly end: number;
}

/** The slice of `total` items on page `page` of `size`; an empty list has one empty page. */
export function pageOf(total: number, page: number, size = STATE_PAGE_SIZE): Page {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be ≥ 1, got ${size}`);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = clamped * size;
  return { page: clamped, pageCount, start, end: Math.min(total, start + size) };
}

/** "4 of 8 basis states shown" (nonzero over all 2^n). */
export function shownSummary(nonzero: number, numQubits: number): string {
  const all = 2 ** numQubits;
  return `${formatInteger(nonzero)} of ${formatInteger(all)} basis ${all === 1 ? "state" : "states"} shown (the others have amplitude 0)`;
}

/** How kets are written: qubits highest first, with an ellipsis only when some are left out. */
export function ketOrderCaption(numQubits: number): string {
  if (numQubits === 1) return "Kets are written |q[0]⟩.";
  const middle = numQubits === 2 ? "" : "…";
  return `Kets list qubits highest first: |q[${numQubits - 1}]${middle}q[0]⟩.`;
}

/**
 * Geometry of the phase disc: a filled circle of radius ∝ |a| (never under 2px, so the hue of
 * a small amplitude stays visible) and a hand pointing at the phase.
 */
export function phaseGlyph(
  re: number,
  im: number,
  radius: number,
): { fillRadius: number; handX: number; handY: number } {
  const magnitude = Math.min(1, Math.hypot(re, im));
  const phase = phaseOf(re, im);
  // SVG's y axis points down, so a positive (counter-clockwise) phase has a negative y.
  return {
    fillRadius: Math.max(Math.min(2, radius), radius * magnitude),
    handX: radius * Math.cos(phase),
    handY: -radius * Math.sin(phase),
  };
}
