/**
 * The words of an experiment check's feedback: the judged number against its goal and how far it
 * missed ("Test accuracy 86.7 % on the check's held-out set; the goal is at least 90 % — 3.3
 * points short."), and what the check fixed ("Graded on iris ..., seed 11 — your data settings
 * are replaced by these."). Pure functions of the check and a run's result.
 */
import type { ExperimentResult } from "@/lib/qml/experiments/result";
import type { ExperimentSpec, HamiltonianSpec, TrainSpec } from "@/lib/qml/experiments/spec";

import { flowYaml } from "./experiment-cell";
import { COMPARISON_SLACK, type ExperimentFeedback } from "./feedback";
import { CHEMICAL_ACCURACY_HARTREE, type ExperimentCheck } from "./schemas";

type DataSpec = TrainSpec["data"];

const percent = (x: number) => `${Number((100 * x).toFixed(1))} %`;

function points(shortfall: number): string {
  const digits = shortfall >= 0.05 ? 1 : 2;
  const n = shortfall.toFixed(digits);
  return `${n} ${n === "1.0" ? "point" : "points"}`;
}

function describeData(data: DataSpec): string {
  const parts = [data.set];
  if (data.classes) parts[0] += ` (${data.classes.join(" vs ")})`;
  if (data.featureSubset) parts.push(`features ${data.featureSubset.join(", ")}`);
  if (data.samples !== undefined) parts.push(`${data.samples} samples`);
  if (data.bits !== undefined) parts.push(`${data.bits} bits`);
  if (data.noise !== undefined) parts.push(`noise ${data.noise}`);
  parts.push(`split seed ${data.seed}`, `${percent(data.test)} test`);
  return parts.join(", ");
}

function describeHamiltonian(h: HamiltonianSpec): string {
  if (typeof h === "string") return `the observable ${h}`;
  if ("molecule" in h) {
    return `${h.molecule === "h2" ? "H₂" : "HeH⁺"} at ${h.bondLength} Å`;
  }
  if ("maxcut" in h) return `MaxCut on ${h.maxcut}`;
  return flowYaml(h);
}

export function fixedSummary(
  check: ExperimentCheck,
  graded: ExperimentSpec,
  scaleKept: boolean,
  replacedMeasurement = false,
): string {
  if (check.kind === "accuracy" && "data" in graded) {
    const scaling = scaleKept ? " (your feature scaling is kept)" : "";
    return `Graded on ${describeData(graded.data)}, seed ${check.seed} — your data settings are replaced by these${scaling}.`;
  }
  const h = "hamiltonian" in graded ? graded.hamiltonian : undefined;
  const exactly = replacedMeasurement
    ? " It is simulated exactly, without your shots or noise."
    : "";
  return `Graded on ${h === undefined ? "the reference's hamiltonian" : describeHamiltonian(h)}, seed ${check.seed} — your \`hamiltonian\` and seed are replaced by these.${exactly}`;
}

export interface Judged {
  readonly metric: ExperimentFeedback["metric"];
  readonly label: string;
  readonly value: number;
  readonly goal: number;
  readonly passed: boolean;
  readonly shortfall: number;
  readonly verdict: string;
}

/** The judged number of a run, or a sentence saying why the run has none. */
export function judge(check: ExperimentCheck, result: ExperimentResult): Judged | string {
  const m = result.metrics;
  switch (check.kind) {
    case "accuracy": {
      const value = m.testAccuracy;
      if (value === undefined || !Number.isFinite(value)) {
        return "Your run has no held-out test accuracy to grade (is the test set empty?).";
      }
      const goal = check.minTestAccuracy;
      const passed = value >= goal - COMPARISON_SLACK;
      const shortfall = passed ? 0 : 100 * (goal - value);
      const test = result.dataset ? ` (${result.dataset.test} points)` : "";
      return {
        metric: "testAccuracy",
        label: "test accuracy",
        value,
        goal,
        passed,
        shortfall,
        verdict:
          `Test accuracy ${percent(value)} on the check's held-out set${test}; the goal is at least ${percent(goal)}` +
          (passed ? " — reached." : ` — ${points(shortfall)} short.`),
      };
    }
    case "energy": {
      const error = m.errorMilliHartree;
      if (error === undefined) {
        return "Your run has no energy error to grade: minimise the molecule's energy once, without a `sweep`.";
      }
      const goal = 1000 * check.tolerance;
      const value = Math.abs(error);
      const passed = value <= goal + COMPARISON_SLACK;
      const shortfall = passed ? 0 : value - goal;
      const side = error >= 0 ? "above" : "below";
      const chemical = check.tolerance === CHEMICAL_ACCURACY_HARTREE ? " (chemical accuracy)" : "";
      return {
        metric: "energyError",
        label: "energy error",
        value,
        goal,
        passed,
        shortfall,
        verdict:
          `Final energy ${m.energy.toFixed(6)} Ha, ${value.toFixed(3)} mHa ${side} the exact ${m.exactEnergy.toFixed(6)} Ha; the goal is within ${goal.toFixed(1)} mHa${chemical}` +
          (passed ? " — reached." : ` — ${shortfall.toFixed(3)} mHa too far.`),
      };
    }
    case "ratio": {
      const value = m.ratio;
      if (value === undefined) {
        return "Your run has no approximation ratio to grade: minimise the MaxCut hamiltonian.";
      }
      const goal = check.minRatio;
      const passed = value >= goal - COMPARISON_SLACK;
      const shortfall = passed ? 0 : goal - value;
      return {
        metric: "ratio",
        label: "approximation ratio",
        value,
        goal,
        passed,
        shortfall,
        verdict:
          `Approximation ratio ${value.toFixed(3)} (expected cut ${m.expectedCut.toFixed(3)} of the maximum ${m.maxCut}); the goal is at least ${goal.toFixed(3)}` +
          (passed ? " — reached." : ` — ${shortfall.toFixed(3)} short.`),
      };
    }
  }
}

/** "The reference solution reaches 96.7 % with the same settings." (empty if it has no value) */
export function referenceSentence(check: ExperimentCheck, reference: ExperimentResult): string {
  const judged = judge(check, reference);
  if (typeof judged === "string") return "";
  const value =
    check.kind === "accuracy"
      ? percent(judged.value)
      : check.kind === "energy"
        ? `${judged.value.toFixed(3)} mHa from the exact energy`
        : judged.value.toFixed(3);
  return ` The reference solution reaches ${value} with the same settings.`;
}
