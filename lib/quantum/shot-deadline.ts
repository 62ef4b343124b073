/**
 * The deadline of a per-shot run with gate noise. One `#pragma noise` line turns a circuit that
 * ran once into one trajectory per shot over 2^n amplitudes, so a run that was instant can now
 * take hours; the learner should hear why and what to change (shots, qubits), not only that
 * time ran out.
 *
 * Once a tenth of the deadline is spent, a run whose pace cannot finish within twice the
 * deadline stops then rather than at the deadline, which spares the shared pool. The pace is
 * measured over the shots run so far, so a slow first shot alone never stops a run.
 * Runs without gate noise keep the plain deadline check (and its message).
 */
import { LimitError } from "./errors";
import type { Clock } from "./trajectory";

export class ShotDeadline {
  private done = 0;

  constructor(
    private readonly clock: Clock,
    private readonly shots: number,
    private readonly numQubits: number,
    private readonly noisy: boolean,
  ) {}

  /** Call before shot number `done` (0-based). */
  beforeShot(done: number): void {
    this.done = done;
    if (!this.noisy) {
      this.clock.check();
      return;
    }
    const elapsed = this.clock.elapsed();
    const deadline = this.clock.deadlineMs;
    const projected = done > 0 ? (elapsed / done) * this.shots : 0;
    if (elapsed > deadline || (elapsed > deadline / 10 && projected > 2 * deadline)) {
      throw this.error(projected);
    }
  }

  /** A deadline error raised inside a noisy shot, with the same explanation; others unchanged. */
  explain(error: unknown): unknown {
    if (!this.noisy || !(error instanceof LimitError) || error.limit !== "deadlineMs") return error;
    const elapsed = this.clock.elapsed();
    return this.error(this.done > 0 ? (elapsed / this.done) * this.shots : 0);
  }

  private error(projected: number): LimitError {
    const { shots, done } = this;
    const pace =
      done > 0
        ? `; at this pace all ${shots} would take about ${Math.ceil(projected / 1000)} s`
        : "";
    return new LimitError(
      "deadlineMs",
      `the simulation would run longer than the deadlineMs = ${this.clock.deadlineMs} ms limit: ` +
        `with noise every shot is simulated separately on 2^${this.numQubits} amplitudes, and ` +
        `${done} of ${shots} shots ran in ${Math.round(this.clock.elapsed())} ms${pace}; ` +
        "use fewer shots or fewer qubits",
    );
  }
}
