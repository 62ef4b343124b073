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
  measurementOf,
  parseExperiment,
  splitExperiment,
  type ExperimentSpec,
  type TrainSpec,
} from "@/lib/qml/experiments/spec";
import { ExperimentLimitError } from "@/lib/qml/experiments/tracker";

import { fixSpecFields, flowYaml, locateCellError, missingFields } from "./experiment-cell";
import { fixedSummary, judge, referenceSentence } from "./experiment-verdict";
import { type CheckOutcome, type ExperimentRun, type FixedField, sentence } from "./feedback";
import { CheckDefinitionError, withArticle, type GradeOptions } from "./programs";
import { referenceRun } from "./reference-runs";
import type { ExperimentCheck } from "./schemas";

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
    throw new CheckDefinitionError(
      `${withArticle(check.kind)} check's reference must minimise a hamiltonian`,
    );
  }
  // An energy or a ratio is judged exactly: a sampled estimate can land inside the tolerance by
  // luck, and with the seed fixed a learner could hunt for that luck. Training with shots or
  // noise is theirs to try; the graded run is simulated exactly.
  return {
    hamiltonian: reference.spec.hamiltonian,
    ...(measurementOf(learner).shots === "exact" ? {} : { shots: "exact" }),
    ...(measurementOf(learner).noise ? { noise: {} } : {}),
  };
}

/** Fields a check writes only where the learner wrote them (none missing is fine). */
const WHERE_WRITTEN = new Set(["shots", "noise"]);

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
  const missing = missingFields(
    source,
    Object.keys(fields).filter((field) => !WHERE_WRITTEN.has(field)),
  );
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
  const summary = fixedSummary(
    check,
    gradedSpec,
    scaleKept,
    "shots" in fields || "noise" in fields,
  );
  const ref = referenceRun(referenceText(check, reference), check.seed);
  const refSentence = referenceSentence(check, ref);
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
