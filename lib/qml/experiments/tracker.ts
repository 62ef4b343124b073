/**
 * Book-keeping shared by every experiment: circuits and shots spent against the evaluation
 * budget, the clock, and progress reports throttled to what a page can show (each step, but
 * never more than one per 50 ms, and at least one per 200 ms while work goes on).
 */
import type { ExperimentProgress, HistoryEntry } from "./result";

/** An experiment exceeded one of its own limits (evaluations, steps, grid points...). */
export class ExperimentLimitError extends Error {
  constructor(
    readonly limit: string,
    message: string,
  ) {
    super(message);
    this.name = "ExperimentLimitError";
  }
}

const MIN_REPORT_GAP_MS = 50;
const MAX_SILENCE_MS = 200;

export interface TrackerOptions {
  /** Circuit evaluations allowed in all (a gradient by parameter shift costs 2 per parameter). */
  readonly maxEvaluations: number;
  readonly onProgress?: (progress: ExperimentProgress) => void;
  readonly now?: () => number;
}

export class Tracker {
  circuits = 0;
  shots = 0;
  private readonly started: number;
  private lastReport = -Infinity;
  private latest: Omit<HistoryEntry, "circuits" | "shots" | "elapsedMs"> & {
    phase: string;
    total: number;
  } = { step: 0, phase: "starting", total: 0 };
  private readonly now: () => number;

  constructor(private readonly options: TrackerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  elapsedMs(): number {
    return Math.round(this.now() - this.started);
  }

  /** Counts circuits run and the shots taken on each; throws past the budget. */
  spend(circuits: number, shotsEach = 0): void {
    this.circuits += circuits;
    this.shots += shotsEach * circuits;
    if (this.circuits > this.options.maxEvaluations) {
      throw new ExperimentLimitError(
        "maxEvaluations",
        `the experiment needs more than ${this.options.maxEvaluations} circuit evaluations; the limit is maxEvaluations = ${this.options.maxEvaluations}. Use fewer steps, samples, grid points or parameters.`,
      );
    }
    if (this.now() - this.lastReport >= MAX_SILENCE_MS) this.report();
  }

  /** A finished step: recorded in the history and reported. */
  step(
    entry: Omit<HistoryEntry, "circuits" | "shots" | "elapsedMs">,
    phase: string,
    total: number,
  ): HistoryEntry {
    const full: HistoryEntry = {
      ...entry,
      circuits: this.circuits,
      shots: this.shots,
      elapsedMs: this.elapsedMs(),
    };
    this.latest = { ...entry, phase, total };
    if (this.now() - this.lastReport >= MIN_REPORT_GAP_MS) this.report();
    return full;
  }

  /** Names what is happening now (e.g. "kernel matrix 12/80"), reported at the next chance. */
  phase(phase: string, total = this.latest.total): void {
    this.latest = { ...this.latest, phase, total };
    if (this.now() - this.lastReport >= MAX_SILENCE_MS) this.report();
  }

  private report(): void {
    this.lastReport = this.now();
    this.options.onProgress?.({
      ...this.latest,
      circuits: this.circuits,
      shots: this.shots,
      elapsedMs: this.elapsedMs(),
    });
  }
}
