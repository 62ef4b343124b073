/**
 * What the histogram draws, computed without a DOM: which outcomes get a bar (top-k plus one
 * "others" bar), their order, the y-axis ticks and the SVG geometry.
 */
import { bitOrderLabel, formatInteger, formatPercent, fixed } from "./format-model";

export const DEFAULT_TOP_K = 16;

export interface HistogramBar {
  /** The outcome bitstring, or "others" for the bar that sums the outcomes not shown. */
  readonly label: string;
  /** Count (for counts) or probability (for probabilities). */
  readonly value: number;
  /** Share of the total, in [0, 1]. */
  readonly fraction: number;
  /** How many outcomes this bar stands for: 1, or the number folded into "others". */
  readonly outcomes: number;
  readonly isOthers: boolean;
}

export interface HistogramData {
  readonly kind: "counts" | "probabilities";
  readonly bars: readonly HistogramBar[];
  /** Number of distinct outcomes in the input. */
  readonly totalOutcomes: number;
  /** Sum of all values: the number of shots, or the probability mass listed (≈ 1). */
  readonly total: number;
}

/**
 * Keeps the `topK` largest outcomes (ties: the smaller bitstring wins, so the choice is stable),
 * shows them sorted by bitstring, and sums the rest into one trailing "others" bar. Outcomes
 * with value 0 are dropped.
 */
export function histogramData(
  values: Readonly<Record<string, number>>,
  kind: HistogramData["kind"],
  topK = DEFAULT_TOP_K,
): HistogramData {
  if (!Number.isInteger(topK) || topK < 1) {
    throw new RangeError(`topK must be a positive integer, got ${topK}`);
  }
  const entries = Object.entries(values).filter(([, v]) => v > 0);
  const total = entries.reduce((sum, [, v]) => sum + v, 0);
  const share = (v: number): number => (total > 0 ? v / total : 0);

  // An "others" bar standing for one outcome would hide a label for nothing: the real bar takes
  // the same room, so "others" appears only when it folds two or more outcomes.
  const fold = entries.length > topK + 1;
  const shown = topEntries(entries, fold ? topK : entries.length).sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );

  const bars: HistogramBar[] = shown.map(([label, value]) => ({
    label,
    value,
    fraction: share(value),
    outcomes: 1,
    isOthers: false,
  }));
  if (fold) {
    const shownSet = new Set(shown.map(([label]) => label));
    // Summed, not subtracted from the total, so probabilities do not pick up rounding noise.
    const value = entries.reduce((sum, [label, v]) => (shownSet.has(label) ? sum : sum + v), 0);
    bars.push({
      label: "others",
      value,
      fraction: share(value),
      outcomes: entries.length - shown.length,
      isOthers: true,
    });
  }
  return { kind, bars, totalOutcomes: entries.length, total };
}

/**
 * The `k` largest entries, largest first (ties: smaller label first). One pass keeping a short
 * sorted list, so 2^16 probabilities cost O(n·k) instead of sorting them all.
 */
function topEntries(entries: readonly [string, number][], k: number): [string, number][] {
  const better = (a: [string, number], b: [string, number]): boolean =>
    a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  const top: [string, number][] = [];
  for (const entry of entries) {
    if (top.length === k && (k === 0 || !better(entry, top[k - 1]))) continue;
    if (top.length < k) top.push(entry);
    else top[k - 1] = entry;
    for (let i = top.length - 1; i > 0 && better(top[i], top[i - 1]); i--) {
      [top[i], top[i - 1]] = [top[i - 1], top[i]];
    }
  }
  return top;
}

/** The value printed on and read out for a bar: "512" or "0.500". */
export function formatBarValue(bar: HistogramBar, kind: HistogramData["kind"]): string {
  return kind === "counts" ? formatInteger(bar.value) : fixed(bar.value, 3);
}

/** The accessible name and tooltip text of one bar. */
export function describeBar(bar: HistogramBar, kind: HistogramData["kind"]): string {
  const what = bar.isOthers ? `others (${formatInteger(bar.outcomes)} outcomes)` : bar.label;
  const value =
    kind === "counts"
      ? `${formatInteger(bar.value)} ${bar.value === 1 ? "shot" : "shots"}`
      : `probability ${fixed(bar.value, 4)}`;
  return `${what}: ${value}, ${formatPercent(bar.fraction)}`;
}

/** Caption of the x axis, with the bit order spelled out (Qiskit: highest index first). */
export function axisCaption(kind: HistogramData["kind"], bits: number, registers = 1): string {
  if (kind === "counts") {
    const order = bitOrderLabel("c", bits);
    const multi = registers > 1 ? "; registers separated by a space, last declared first" : "";
    return `Outcome (classical bits ${order}${multi})`;
  }
  return `Basis state (qubits ${bitOrderLabel("q", bits)})`;
}

/** About five round tick values from 0 up to at least `max` (1, 2 or 5 times a power of ten). */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    // Rounding keeps 0.30000000000000004 out of the labels.
    const tick = Number((i * step).toPrecision(12));
    ticks.push(tick);
    if (tick >= max) break;
  }
  return ticks;
}

export interface BarGeometry {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Centre of the bar, where its labels go. */
  readonly cx: number;
}

export interface HistogramGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly bars: readonly BarGeometry[];
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
  /** Degrees the outcome labels are turned (0 when they fit side by side). */
  readonly labelAngle: 0 | -45 | -90;
  /** Whether value labels fit above the bars (the tooltip always has the value). */
  readonly valueLabels: boolean;
}

const CHAR_WIDTH = 7.2; // monospace at 12px, enough to decide whether labels collide
const TOOLTIP_BAND = 34; // room above the tallest bar for the hover/focus tooltip

/** Places the bars in a `width`-wide SVG; the height grows when long labels must turn. */
export function histogramGeometry(data: HistogramData, width = 640): HistogramGeometry {
  const count = Math.max(1, data.bars.length);
  const longest = Math.max(1, ...data.bars.map((b) => b.label.length));
  const left = 56;
  const right = width - 12;
  const slot = (right - left) / count;
  const labelWidth = longest * CHAR_WIDTH;
  const labelAngle: HistogramGeometry["labelAngle"] =
    labelWidth <= slot - 4 ? 0 : labelWidth * 0.71 <= slot * 2.5 ? -45 : -90;
  const labelHeight =
    labelAngle === 0 ? 16 : labelAngle === -45 ? labelWidth * 0.71 + 10 : labelWidth + 8;
  const top = TOOLTIP_BAND;
  const plotHeight = 180;
  const bottom = top + plotHeight;
  const height = bottom + labelHeight + 28; // + the axis caption

  const maxValue = Math.max(0, ...data.bars.map((b) => b.value));
  const ticks = niceTicks(maxValue);
  const scaleMax = ticks[ticks.length - 1] || 1;
  const y = (v: number): number => bottom - (v / scaleMax) * plotHeight;
  const barWidth = Math.min(56, slot * 0.72);
  const longestValue = Math.max(0, ...data.bars.map((b) => formatBarValue(b, data.kind).length));

  return {
    width,
    height,
    plot: { left, top, right, bottom },
    labelAngle,
    valueLabels: longestValue * 6.6 <= slot - 2,
    ticks: ticks.map((value) => ({ value, y: y(value) })),
    bars: data.bars.map((bar, i) => {
      const cx = left + slot * (i + 0.5);
      const barTop = y(bar.value);
      // A nonzero bar is at least 1px tall so rare outcomes stay visible.
      const h = bar.value > 0 ? Math.max(1, bottom - barTop) : 0;
      return { x: cx - barWidth / 2, y: bottom - h, width: barWidth, height: h, cx };
    }),
  };
}

/** Where the tooltip of a bar sits: centred on the bar, kept inside the plot horizontally. */
export function tooltipBox(
  cx: number,
  textLength: number,
  geometry: Pick<HistogramGeometry, "plot" | "width">,
): { x: number; y: number; width: number; height: number } {
  const width = Math.min(geometry.width - 8, textLength * 6.6 + 16);
  const x = Math.min(Math.max(cx - width / 2, 4), geometry.width - 4 - width);
  return { x, y: 4, width, height: 24 };
}
