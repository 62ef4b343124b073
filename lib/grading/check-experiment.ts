/**
 * `kind: accuracy | energy | ratio`: the learner's experiment cell, re-run by the grader with the
 * fields the check fixes written over theirs, judged on one number of the result.
 *
 * - accuracy: a `train` (or `kernel`) experiment on the check's data, split and seed; passes when
 *   the held-out test accuracy is at least `minTestAccuracy`. The learner's `scale` is kept.
 * - energy: a `minimise` experiment of the reference's molecule; passes when the final energy is
 *   within `tolerance` hartree of the exact (full CI) energy.
 * - ratio: a `minimise` experiment of the reference's MaxCut graph; passes when the
 *   approximation ratio (expected cut / maximum cut) is at least `minRatio`.
 *
 * The learner controls everything else (circuit, optimiser, steps, loss...). The reference
 * solution is run with the same fixed fields and seed (once per process) and both runs go into
 * the feedback, so the learner sees their curve beside one that reaches the goal.
 *
 * What this module does not do: catch the learner's circuit errors before the run (grade-exercise
 * compiles the circuit first, for constraints), or decide anything about storage.
 */
import type { ExperimentResult } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";
import {
  ExperimentSpecError,
  parseExperiment,
  splitExperiment,
  type ExperimentSpec,
  type HamiltonianSpec,
  type TrainSpec,
} from "@/lib/qml/experiments/spec";
import { ExperimentLimitError } from "@/lib/qml/experiments/tracker";

import { fixSpecFields, flowYaml, locateCellError, missingFields } from "./experiment-cell";
import {
  COMPARISON_SLACK,
  type CheckOutcome,
  type ExperimentFeedback,
  type ExperimentRun,
  type FixedField,
  sentence,
} from "./feedback";
import { CheckDefinitionError, withArticle, type GradeOptions } from "./programs";
import { referenceRun } from "./reference-runs";
import { CHEMICAL_ACCURACY_HARTREE, type ExperimentCheck } from "./schemas";

/**
 * Circuit evaluations a graded run may spend (the cell's own runs allow more): a lesson's
 * exercise needs a few thousand, and grading must stay seconds of work in a shared pool.
 */
export const GRADING_MAX_EVALUATIONS = 200_000;

type DataSpec = TrainSpec["data"];

/** What a check needs of its reference: the parsed spec, and the text to run. */
interface Reference {
  readonly spec: ExperimentSpec;
  readonly text: string;
}

function parseReference(check: ExperimentCheck): Reference {
  try {
    return { spec: parseExperiment(check.reference).spec, text: check.reference };
  } catch (error) {
    const where = error instanceof ExperimentSpecError ? ` (line ${error.line})` : "";
    throw new CheckDefinitionError(
      `the check's reference is not a valid experiment cell${where}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The data a check grades on, before the learner's scaling is added. */
function checkData(check: Extract<ExperimentCheck, { kind: "accuracy" }>, reference: Reference) {
  if (check.data) return check.data;
  if (!("data" in reference.spec)) {
    throw new CheckDefinitionError("an accuracy check's reference must train or fit a classifier");
  }
  const { scale: _scale, ...rest } = reference.spec.data;
  return withoutUndefined(rest);
}

/** The data block written into a spec whose own data is `own`: the check's, with own scaling. */
function dataFor(fixed: Readonly<Record<string, unknown>>, own: DataSpec | undefined) {
  return "scale" in fixed || !own?.scale ? fixed : { ...fixed, scale: own.scale };
}

/** The fields a check writes over the learner's spec (the seed is passed to the run instead). */
function fixedFields(
  check: ExperimentCheck,
  reference: Reference,
  learner: ExperimentSpec,
): Record<string, unknown> {
  if (check.kind === "accuracy") {
    const own = "data" in learner ? learner.data : undefined;
    return { data: dataFor(checkData(check, reference), own) };
  }
  if (!("hamiltonian" in reference.spec) || reference.spec.hamiltonian === undefined) {
    throw new CheckDefinitionError(`a ${check.kind} check's reference must minimise a hamiltonian`);
  }
  return { hamiltonian: reference.spec.hamiltonian };
}

/** The reference's text as it is graded: with the check's data, if the check gives its own. */
function referenceText(check: ExperimentCheck, reference: Reference): string {
  if (check.kind !== "accuracy" || !check.data || !("data" in reference.spec)) {
    return reference.text;
  }
  return fixSpecFields(reference.text, { data: dataFor(check.data, reference.spec.data) });
}

/**
 * Problems in the check itself, found when content is loaded: a reference that does not parse,
 * is of the wrong kind, or fails once the check's fields are written into it. `field` names the
 * check's key to point at.
 */
export function experimentCheckProblem(
  check: ExperimentCheck,
): { field: string; message: string } | undefined {
  let reference: Reference;
  try {
    reference = parseReference(check);
  } catch (error) {
    return { field: "reference", message: (error as Error).message };
  }
  const kind = reference.spec.experiment;
  if (check.kind === "accuracy" && kind !== "train" && kind !== "kernel") {
    return {
      field: "reference",
      message: `an accuracy check grades a classifier: its reference must be a train or kernel experiment, not ${kind}`,
    };
  }
  if (check.kind !== "accuracy") {
    const h = reference.spec.experiment === "minimise" ? reference.spec.hamiltonian : undefined;
    const wanted = check.kind === "energy" ? "molecule" : "maxcut";
    if (!h || typeof h === "string" || !(wanted in h) || reference.spec.experiment !== "minimise") {
      return {
        field: "reference",
        message: `${withArticle(check.kind)} check's reference must minimise a \`hamiltonian: { ${wanted}: ... }\``,
      };
    }
    if (reference.spec.sweep) {
      return {
        field: "reference",
        message: `${withArticle(check.kind)} check grades one minimisation: its reference has no \`sweep\``,
      };
    }
  }
  if (check.kind === "accuracy" && check.data) {
    try {
      parseExperiment(referenceText(check, reference));
    } catch (error) {
      return { field: "data", message: `the check's data: ${(error as Error).message}` };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Describing what was fixed and what was reached

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

function fixedSummary(check: ExperimentCheck, graded: ExperimentSpec, scaleKept: boolean): string {
  if (check.kind === "accuracy" && "data" in graded) {
    const scaling = scaleKept ? " (your feature scaling is kept)" : "";
    return `Graded on ${describeData(graded.data)}, seed ${check.seed} — your data settings are replaced by these${scaling}.`;
  }
  const h = "hamiltonian" in graded ? graded.hamiltonian : undefined;
  return `Graded on ${h === undefined ? "the reference's hamiltonian" : describeHamiltonian(h)}, seed ${check.seed} — your \`hamiltonian\` and seed are replaced by these.`;
}

interface Judged {
  readonly metric: ExperimentFeedback["metric"];
  readonly label: string;
  readonly value: number;
  readonly goal: number;
  readonly passed: boolean;
  readonly shortfall: number;
  readonly verdict: string;
}

/** The judged number of a run, or a sentence saying why the run has none. */
function judge(check: ExperimentCheck, result: ExperimentResult): Judged | string {
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

const runOf = (result: ExperimentResult): ExperimentRun => ({
  history: result.history,
  metrics: result.metrics,
  ...(result.dataset ? { dataset: result.dataset } : {}),
  elapsedMs: result.elapsedMs,
});

const failed = (message: string): CheckOutcome => ({ passed: false, message, details: {} });

/** The learner's cell could not be run: a located message, as for a compile error. */
function notRunnable(error: unknown, text: string): CheckOutcome {
  const offset = splitExperiment(text).circuitLine - 1;
  const located = locateCellError(error, offset);
  if (!located) throw error;
  const where =
    located.line === undefined ? "" : ` (line ${located.line}, column ${located.column})`;
  return {
    passed: false,
    message: `Your experiment does not run${where}: ${sentence(located.message)}`,
    details: {},
    compileError: located,
  };
}

export function checkExperiment(
  check: ExperimentCheck,
  source: string,
  options: GradeOptions,
): CheckOutcome {
  const reference = parseReference(check);
  let learner: ExperimentSpec;
  try {
    learner = parseExperiment(source).spec;
  } catch (error) {
    return notRunnable(error, source);
  }
  const kind = reference.spec.experiment;
  if (learner.experiment !== kind) {
    return failed(
      `This exercise grades a \`${kind}\` experiment; your cell says \`experiment: ${learner.experiment}\`.`,
    );
  }
  const fields = fixedFields(check, reference, learner);
  const missing = missingFields(source, Object.keys(fields));
  if (missing.length > 0) {
    const wanted = missing.map((f) => `\`${f}: ${flowYaml(fields[f])}\``).join(", ");
    return failed(
      `Your spec has no ${missing.map((f) => `\`${f}\``).join(", ")}; this exercise is graded with ${wanted}: put it back.`,
    );
  }
  const graded = fixSpecFields(source, fields);
  let result: ExperimentResult;
  try {
    result = runExperiment(graded, {
      seed: check.seed,
      maxEvaluations: options.maxEvaluations ?? GRADING_MAX_EVALUATIONS,
    });
  } catch (error) {
    if (error instanceof ExperimentLimitError) {
      return failed(`Your experiment could not be graded: ${error.message}`);
    }
    return notRunnable(error, graded);
  }

  const judged = judge(check, result);
  if (typeof judged === "string") return failed(judged);
  const gradedSpec = parseExperiment(graded).spec;
  const scaleKept =
    check.kind === "accuracy" && !(check.data && "scale" in check.data) && "data" in learner
      ? learner.data.scale !== undefined
      : false;
  const fixed: FixedField[] = Object.entries(fields).map(([field, value]) => ({
    field,
    value: flowYaml(value),
  }));
  const summary = fixedSummary(check, gradedSpec, scaleKept);
  const ref = referenceRun(referenceText(check, reference), check.seed);
  const refJudged = judge(check, ref);
  const refSentence =
    typeof refJudged === "string"
      ? ""
      : ` The reference solution reaches ${check.kind === "accuracy" ? percent(refJudged.value) : check.kind === "energy" ? `${refJudged.value.toFixed(3)} mHa` : refJudged.value.toFixed(3)} with the same settings.`;
  return {
    passed: judged.passed,
    message: `${judged.verdict} ${summary}${judged.passed ? "" : refSentence}`,
    details: {
      experiment: {
        metric: judged.metric,
        label: judged.label,
        value: judged.value,
        goal: judged.goal,
        shortfall: judged.shortfall,
        verdict: judged.verdict,
        fixedSummary: summary,
        fixed,
        seed: check.seed,
        learner: runOf(result),
        reference: runOf(ref),
      },
    },
  };
}
