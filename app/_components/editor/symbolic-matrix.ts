import type { Matrix } from "@/lib/quantum/ir";

/**
 * Writes a numeric gate matrix the way a textbook would: exact-looking entries (1/√2, −i,
 * e^{iπ/4}, (1+i)/2) and a common factor pulled out front (H = 1/√2 · [[1, 1], [1, −1]]).
 * Values that match no known form fall back to three decimals, so nothing is ever hidden.
 */

const EPS = 1e-9;
const MINUS = "−";

const near = (a: number, b: number) => Math.abs(a - b) < EPS;

/** Magnitudes that standard gates produce, with how to write them. Order matters only for speed. */
const KNOWN_MAGNITUDES: readonly (readonly [number, string])[] = [
  [1, "1"],
  [Math.SQRT1_2, "1/√2"],
  [0.5, "1/2"],
  [Math.SQRT2, "√2"],
  [2, "2"],
  [Math.SQRT1_2 / 2, "1/(2√2)"],
  [0.25, "1/4"],
];

function trimDecimal(x: number): string {
  return x.toFixed(3).replace(/\.?0+$/, "");
}

/** A real number: known magnitudes exactly, anything else to three decimals; "−" for minus. */
export function formatReal(x: number): string {
  if (near(x, 0)) return "0";
  const sign = x < 0 ? MINUS : "";
  const magnitude = Math.abs(x);
  const known = KNOWN_MAGNITUDES.find(([value]) => near(value, magnitude));
  return sign + (known ? known[1] : trimDecimal(magnitude));
}

/** `k·π/n` reduced, written as an exponent of e^{i…}: "iπ/4", "−3iπ/4", "iπ". */
function phaseExponent(phase: number): string | null {
  for (const denominator of [1, 2, 4, 8]) {
    const k = (phase * denominator) / Math.PI;
    const rounded = Math.round(k);
    if (!near(k, rounded) || rounded === 0) continue;
    const sign = rounded < 0 ? MINUS : "";
    const count = Math.abs(rounded) === 1 ? "" : String(Math.abs(rounded));
    return `${sign}${count}iπ${denominator === 1 ? "" : `/${denominator}`}`;
  }
  return null;
}

/** An imaginary number b·i: "i", "−i", "i/√2", "0.3i". */
function formatImaginary(b: number): string {
  const real = formatReal(b);
  const sign = real.startsWith(MINUS) ? MINUS : "";
  const magnitude = sign ? real.slice(1) : real;
  if (magnitude === "1") return `${sign}i`;
  if (magnitude.startsWith("1/")) return `${sign}i${magnitude.slice(1)}`;
  return `${sign}${magnitude}i`;
}

/** One complex entry re + i·im. */
export function formatComplex(re: number, im: number): string {
  if (near(im, 0)) return formatReal(re);
  if (near(re, 0)) return formatImaginary(im);
  const magnitude = Math.hypot(re, im);
  if (near(magnitude, 1)) {
    const exponent = phaseExponent(Math.atan2(im, re));
    if (exponent) return `e^{${exponent}}`;
  }
  if (near(Math.abs(re), Math.abs(im))) {
    // s·(±1 ± i), e.g. (1+i)/2 for √X.
    const scale = formatReal(Math.abs(re));
    const inner = `${re < 0 ? MINUS : ""}1${im < 0 ? MINUS : "+"}i`;
    if (scale === "1") return inner;
    if (scale.startsWith("1/")) return `(${inner})${scale.slice(1)}`;
    return `${scale}(${inner})`;
  }
  const imagPart = trimDecimal(Math.abs(im));
  return `${trimDecimal(re)}${im < 0 ? MINUS : "+"}${imagPart}i`.replace(/^-/, MINUS);
}

export interface SymbolicMatrix {
  /** Common factor in front of the matrix, or null when there is none worth pulling out. */
  readonly factor: string | null;
  readonly rows: readonly (readonly string[])[];
}

/** Entries of `m` written symbolically, with a shared magnitude factored out when there is one. */
export function symbolicMatrix(m: Matrix): SymbolicMatrix {
  const size = m.dim * m.dim;
  const magnitudes: number[] = [];
  for (let k = 0; k < size; k++) {
    const magnitude = Math.hypot(m.re[k], m.im[k]);
    if (magnitude > EPS) magnitudes.push(magnitude);
  }
  const shared = magnitudes.length > 0 && magnitudes.every((x) => near(x, magnitudes[0]));
  const scale = shared && !near(magnitudes[0], 1) ? magnitudes[0] : 1;
  const rows: string[][] = [];
  for (let r = 0; r < m.dim; r++) {
    const row: string[] = [];
    for (let c = 0; c < m.dim; c++) {
      const k = r * m.dim + c;
      row.push(formatComplex(m.re[k] / scale, m.im[k] / scale));
    }
    rows.push(row);
  }
  return { factor: scale === 1 ? null : formatReal(scale), rows };
}

/**
 * The matrix as monospace text with aligned columns and tall brackets:
 * ```
 * 1/√2 · ⎡ 1   1 ⎤
 *        ⎣ 1  −1 ⎦
 * ```
 */
export function matrixText(symbolic: SymbolicMatrix): string {
  const { rows } = symbolic;
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const prefix = symbolic.factor ? `${symbolic.factor} · ` : "";
  const indent = " ".repeat(prefix.length);
  return rows
    .map((row, r) => {
      const [open, close] =
        rows.length === 1
          ? ["[", "]"]
          : r === 0
            ? ["⎡", "⎤"]
            : r === rows.length - 1
              ? ["⎣", "⎦"]
              : ["⎢", "⎥"];
      const cells = row.map((cell, c) => cell.padStart(widths[c])).join("  ");
      return `${r === 0 ? prefix : indent}${open} ${cells} ${close}`;
    })
    .join("\n");
}
