/**
 * The `input float name;` / `input angle name;` parameters a cell declares (an `input array`
 * gives one per element, `x[0]` …) and the slider ranges its author gave in
 * `// @range name min max default` comments. A light scan for the page's sliders only: the
 * engine's parser remains the judge of whether the program is valid.
 */
import { INPUT_TYPES } from "@/lib/quantum/qasm/vocabulary";

export interface CellInput {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly defaultValue: number;
}

const SCALAR = String.raw`(?:${INPUT_TYPES.join("|")})(?:\[\d+\])?`;
/** `input float x;` (group 2) or `input array[float, 4] x;` (size in group 1). */
const INPUT_DECLARATION = new RegExp(
  String.raw`^\s*input\s+(?:${SCALAR}|array\[\s*${SCALAR}\s*,\s*(\d+)\s*\])\s+([A-Za-z_]\w*)\s*;`,
  "gm",
);
/** Page sliders stop here; the engine refuses larger arrays anyway. */
const MAX_ARRAY_SLIDERS = 64;
/** `// @range x 0 pi`, or for one element of an array `// @range x[2] 0 pi`. */
const RANGE_COMMENT = /\/\/\s*@range\s+([A-Za-z_]\w*(?:\[\d+\])?)\s+(\S+)\s+(\S+)(?:\s+(\S+))?/g;

/** Numbers in @range comments may use pi: `0`, `2*pi`, `-pi/2`, `0.7`. */
export function parseRangeNumber(text: string): number | undefined {
  const match = /^(-)?(\d*\.?\d*)?\*?(pi|π)?(?:\/(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!match || (!match[2] && !match[3])) return undefined;
  const [, minus, coefficient, pi, divisor] = match;
  let value = coefficient ? Number(coefficient) : 1;
  if (pi) value *= Math.PI;
  if (divisor) value /= Number(divisor);
  if (minus) value = -value;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The value set for `name`, or undefined: an own property only, so an input named `toString`
 * or `constructor` is not handed a function from Object.prototype.
 */
export function paramValue(
  params: Readonly<Record<string, number>>,
  name: string,
): number | undefined {
  return Object.hasOwn(params, name) ? params[name] : undefined;
}

export function scanCellInputs(source: string): CellInput[] {
  const ranges = new Map<string, { min: number; max: number; defaultValue?: number }>();
  for (const match of source.matchAll(RANGE_COMMENT)) {
    const min = parseRangeNumber(match[2]);
    const max = parseRangeNumber(match[3]);
    const defaultValue = match[4] === undefined ? undefined : parseRangeNumber(match[4]);
    if (min !== undefined && max !== undefined && max > min)
      ranges.set(match[1], { min, max, defaultValue });
  }
  const inputs: CellInput[] = [];
  for (const match of source.matchAll(INPUT_DECLARATION)) {
    // An array is one slider per element, named as the engine binds them: `x[0]`, `x[1]` …
    const names =
      match[1] === undefined
        ? [match[2]]
        : Array.from(
            { length: Math.min(Number(match[1]), MAX_ARRAY_SLIDERS) },
            (_, i) => `${match[2]}[${i}]`,
          );
    for (const name of names) inputs.push(sliderFor(name, match[2], ranges));
  }
  return inputs;
}

function sliderFor(
  name: string,
  arrayName: string,
  ranges: ReadonlyMap<string, { min: number; max: number; defaultValue?: number }>,
): CellInput {
  const range = ranges.get(name) ?? ranges.get(arrayName) ?? { min: 0, max: 2 * Math.PI };
  const fallback = (range.min + range.max) / 2;
  const defaultValue = Math.min(range.max, Math.max(range.min, range.defaultValue ?? fallback));
  return { name, min: range.min, max: range.max, defaultValue };
}
