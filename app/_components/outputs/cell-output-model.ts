/**
 * Decisions of the combined cell output, kept out of the component so they are unit-tested:
 * which tabs exist, which opens first, the status line, the notes about capped results, and
 * the wording of an error.
 */
import { describeNoise } from "@/lib/quantum/noise-summary";
import type { SimulationResult } from "@/lib/quantum/result";

import { formatDuration, formatInteger } from "./format-model";
import { DEFAULT_TOP_K } from "./histogram-model";

export type OutputTab = "histogram" | "state" | "bloch" | "circuit";

/**
 * Results list at most this many amplitudes. The same value as MAX_LISTED in
 * lib/quantum/simulate.ts (a test checks they agree); it is repeated here so client bundles do
 * not pull in the simulator to read one number.
 */
export const LISTED_LIMIT = 1 << 16;

export function tabLabel(tab: OutputTab): string {
  switch (tab) {
    case "histogram":
      return "Histogram";
    case "state":
      return "State";
    case "bloch":
      return "Bloch";
    case "circuit":
      return "Circuit";
    default: {
      const unknown: never = tab;
      throw new Error(`unexpected tab ${String(unknown)}`);
    }
  }
}

/** The tabs worth showing for a result, in a fixed order. */
export function availableTabs(result: SimulationResult, hasLayout: boolean): OutputTab[] {
  const tabs: OutputTab[] = ["histogram", "state"];
  if (result.bloch.length > 0) tabs.push("bloch");
  if (hasLayout) tabs.push("circuit");
  return tabs;
}

/**
 * Measured counts are what the learner asked for, so they open first; a circuit without
 * measurements has a state to look at instead; when neither (shot-dependent state, nothing
 * measured) the histogram of probabilities is the best summary.
 */
export function defaultTab(result: SimulationResult): OutputTab {
  if (result.counts) return "histogram";
  if (result.statevector) return "state";
  return "histogram";
}

/** Arrow-key movement between tabs (WAI-ARIA tabs pattern): wraps around, Home/End jump. */
export function nextTab(
  tabs: readonly OutputTab[],
  current: OutputTab,
  key: string,
): OutputTab | null {
  const i = tabs.indexOf(current);
  if (i < 0 || tabs.length === 0) return null;
  switch (key) {
    case "ArrowRight":
      return tabs[(i + 1) % tabs.length];
    case "ArrowLeft":
      return tabs[(i - 1 + tabs.length) % tabs.length];
    case "Home":
      return tabs[0];
    case "End":
      return tabs[tabs.length - 1];
    default:
      return null;
  }
}

/** "1,024 shots · seed 42 · 3.21 ms · each shot simulated separately". */
export function statusLine(result: SimulationResult): string {
  const parts = [
    `${formatInteger(result.shots)} ${result.shots === 1 ? "shot" : "shots"}`,
    `seed ${result.seed}`,
    formatDuration(result.elapsedMs),
  ];
  if (result.perShot) parts.push("each shot simulated separately");
  return parts.join(" · ");
}

/**
 * What a noisy run says above its views: the model in words, then what the views show under it.
 * Gate noise makes every shot its own trajectory, so probabilities, Bloch vectors and expectation
 * values are averages over the shots (estimates of the mixed state), and there is no single
 * state vector. Readout error only flips recorded bits, so it is in the counts and nowhere else.
 * Null for a noiseless run.
 */
export function noiseNotes(
  result: Pick<SimulationResult, "noise" | "shots" | "perShot">,
): { summary: string; meaning: string; explainsMissingState: boolean } | null {
  const { noise } = result;
  if (!noise) return null;
  const gateNoise = Object.values(noise.gates ?? {}).some(
    (g) =>
      (g.depolarizing ?? 0) > 0 || (g.amplitude_damping ?? 0) > 0 || (g.phase_damping ?? 0) > 0,
  );
  const readout = Object.values(noise.readout ?? {}).some(([a, b]) => a > 0 || b > 0);
  const parts: string[] = [];
  if (gateNoise && result.perShot) {
    parts.push(
      `Each shot is one noisy trajectory: probabilities, Bloch spheres and expectation values are averages over the ${formatInteger(result.shots)} trajectories, so they are estimates of the noisy state, and there is no single state vector.`,
    );
  } else if (gateNoise) {
    parts.push("No gate of this circuit is noisy: the state is the ideal one.");
  }
  if (readout) {
    parts.push(
      gateNoise
        ? "Readout error flips recorded bits: it shows in the counts only."
        : "Readout error flips recorded bits only: the counts include it; the state, probabilities, Bloch spheres and expectation values are those before measurement.",
    );
  }
  return {
    summary: `Noisy simulation: ${describeNoise(noise)}.`,
    meaning: parts.join(" "),
    // Said already ("no single state vector"): the generic per-shot note would only repeat it.
    explainsMissingState: gateNoise && result.perShot,
  };
}

/** How the expectation values were obtained, when that is not an exact value of the state. */
export function expectationCaption(
  result: Pick<SimulationResult, "noise" | "shots" | "perShot">,
): string | undefined {
  if (!result.noise) return undefined;
  return result.perShot
    ? `Expectation values (averages over ${formatInteger(result.shots)} noisy trajectories)`
    : "Expectation values (before readout error)";
}

/** Notes for results that were cut down to stay readable and small. */
export function capNotes(result: SimulationResult, topK = DEFAULT_TOP_K): string[] {
  const notes: string[] = [];
  const outcomes = Object.keys(result.counts ?? result.probabilities).length;
  if (outcomes > topK + 1) {
    notes.push(
      `Large results are capped: the histogram shows the ${topK} most likely of ${formatInteger(outcomes)} outcomes and sums the rest as "others".`,
    );
  }
  if (!result.statevector && !result.perShot && 2 ** result.numQubits > LISTED_LIMIT) {
    notes.push(
      `Large results are capped: a ${result.numQubits}-qubit state has 2^${result.numQubits} amplitudes, more than the ${formatInteger(LISTED_LIMIT)} a result lists, so the state table is not shown.`,
    );
  }
  return notes;
}

export interface ErrorLike {
  message: string;
  line?: number;
  column?: number;
}

/** "Line 3, column 5: message", "Line 3: message", or the bare message without a location. */
export function errorText({ message, line, column }: ErrorLike): string {
  if (line === undefined) return message;
  return column === undefined
    ? `Line ${line}: ${message}`
    : `Line ${line}, column ${column}: ${message}`;
}
