/**
 * Reading learners' typed answers: numbers as people write them, and free text normalised so
 * that "  The  Born rule. " and "the born rule" are the same answer.
 */

export type ParsedNumber =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/**
 * Parses a typed number. Grammar (after Unicode NFKC normalisation, case-insensitive, spaces
 * allowed between tokens):
 *
 *   numberAnswer : sign? magnitude '%'?
 *   magnitude    : decimal ( '/' decimal )?
 *                | decimal? '*'? pi ( '/' decimal )?
 *   sign         : '+' | '-' | '−'
 *   decimal      : digits ( '.' digits? )? exponent? | '.' digits exponent?
 *   exponent     : ( 'e' | 'E' ) sign? digits
 *   pi           : 'pi' | 'π'
 *
 * So "0.5", "1/2", "50%", "-.25", "1e-3", "pi/4", "3π/4" and "2*pi" are read; "%" divides by 100
 * and cannot follow pi. A comma is refused rather than guessed: "0,5" and "1,000" mean different
 * things in different countries.
 */
export function parseNumberAnswer(input: string | number): ParsedNumber {
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, message: "the answer must be a finite number" };
  }
  const text = input.normalize("NFKC").trim().toLowerCase().replace(/−/g, "-").replace(/⁄/g, "/"); // NFKC turns ½ into 1⁄2, with a fraction slash
  if (text === "") return { ok: false, message: "the answer is empty" };
  if (text.includes(",")) {
    return {
      ok: false,
      message: `could not read "${input.trim()}" as a number: use a point for decimals (0.5) and no thousands separators`,
    };
  }
  const decimal = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
  const grammar = new RegExp(
    String.raw`^([+-])?\s*(?:(${decimal})(?:\s*/\s*(${decimal}))?|(${decimal})?\s*\*?\s*(?:pi|π)(?:\s*/\s*(${decimal}))?)\s*(%)?$`,
  );
  const m = grammar.exec(text);
  const isPi = m !== null && m[2] === undefined;
  if (!m || (isPi && m[6] !== undefined)) {
    return {
      ok: false,
      message: `could not read "${input.trim()}" as a number (write it like 0.5, 1/2, 50% or pi/4)`,
    };
  }
  const sign = m[1] === "-" ? -1 : 1;
  let value: number;
  let denominator: number;
  if (isPi) {
    value = (m[4] === undefined ? 1 : Number(m[4])) * Math.PI;
    denominator = m[5] === undefined ? 1 : Number(m[5]);
  } else {
    value = Number(m[2]);
    denominator = m[3] === undefined ? 1 : Number(m[3]);
  }
  if (denominator === 0) return { ok: false, message: "the answer divides by zero" };
  value = (sign * value) / denominator;
  if (m[6] !== undefined) value /= 100;
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, message: "the answer must be a finite number" };
}

/**
 * Normal form of a text answer: Unicode NFKC (full-width letters, ligatures and the like become
 * plain), lower case, surrounding whitespace removed, inner runs of whitespace made one space,
 * and trailing punctuation removed ("Hadamard." → "hadamard").
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:!?…]+$/u, "");
}
