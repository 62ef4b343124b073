/**
 * Training a variational classifier: features go into the circuit's feature inputs, trainable
 * weights into its weight inputs, and the prediction is f(x) = <observable> (+ a trained bias).
 * Labels are ±1 and the predicted class is sign f(x). Each step: predictions on the training and
 * test sets (for the curves), then one optimiser step on a seeded minibatch, with gradients from
 * the simulator by the chosen method and the loss's derivative by the chain rule.
 */
import type { PauliSum } from "@/lib/quantum/observables";
import { createRng } from "@/lib/quantum/sample";

import { lossFunction } from "../losses";
import { accuracy } from "../metrics";
import { createOptimizer } from "../optimizers";
import type { Batch } from "../optimizers/types";
import { runBaselines } from "./baselines";
import { prepareData, type PreparedData } from "./data";
import { decisionMap } from "./decision";
import { ExperimentFieldError } from "./field-error";
import { initialWeights, weightInputs } from "./weights";
import type { CircuitModel, Values } from "./model";
import type { ExperimentResult, HistoryEntry } from "./result";
import type { TrainSpec } from "./spec";
import type { Tracker } from "./tracker";

export interface Classifier {
  readonly weightNames: readonly string[];
  readonly featureNames: readonly string[];
  readonly bias: boolean;
  /** f(x) for parameters θ = [weights..., bias?]. */
  predict(theta: readonly number[], x: readonly number[]): number;
  /** f(x) and ∂f/∂θ. */
  predictWithGradient(
    theta: readonly number[],
    x: readonly number[],
  ): { value: number; gradient: number[] };
}

export function buildClassifier(
  spec: Pick<TrainSpec, "features" | "weights" | "bias" | "gradient">,
  model: CircuitModel,
  observable: PauliSum,
): Classifier {
  const weightNames = weightInputs(spec.weights, model.parameters);
  for (const [i, name] of spec.features.entries()) {
    if (!model.parameters.includes(name)) {
      throw new ExperimentFieldError(
        ["features", i],
        `the circuit declares no \`input float ${name};\` for this feature`,
      );
    }
  }
  const valuesOf = (theta: readonly number[], x: readonly number[]): Values => {
    const values: Record<string, number> = {};
    spec.features.forEach((name, i) => (values[name] = x[i]));
    weightNames.forEach((name, i) => (values[name] = theta[i]));
    return values;
  };
  const biasOf = (theta: readonly number[]) => (spec.bias ? theta[weightNames.length] : 0);
  return {
    weightNames,
    featureNames: spec.features,
    bias: spec.bias,
    predict: (theta, x) => model.expectation(valuesOf(theta, x), observable) + biasOf(theta),
    predictWithGradient(theta, x) {
      const { value, gradient } = model.gradient(
        valuesOf(theta, x),
        observable,
        weightNames,
        spec.gradient,
      );
      return {
        value: value + biasOf(theta),
        gradient: spec.bias ? [...gradient, 1] : [...gradient],
      };
    },
  };
}

const toSign = (label: number) => (label > 0 ? 1 : -1);

/** NaN for an empty set (no test data), never a made-up 0 or 1. */
function accuracyOf(predictions: readonly number[], labels: readonly number[]): number {
  return labels.length === 0 ? NaN : accuracy(labels.map(toSign), predictions);
}

export function runTrain(
  spec: TrainSpec,
  model: CircuitModel,
  tracker: Tracker,
): Omit<ExperimentResult, "seed" | "elapsedMs"> {
  model.checkGradient(spec.gradient);
  const data = prepareData(spec.data, spec.features.length);
  const observable = model.observable(spec.observable);
  const classifier = buildClassifier(spec, model, observable);
  const loss = lossFunction(spec.loss);
  const optimizer = createOptimizer(spec.optimizer, { seed: spec.seed });
  const rng = createRng(spec.seed ^ 0x5bd1e995);
  const { train, test } = data;
  const y = train.labels.map(toSign);

  let theta = initialWeights(spec.init, classifier.weightNames.length, spec.seed);
  if (spec.bias) theta = [...theta, 0];
  const batchSize = optimizer.requiresFullBatch
    ? train.features.length
    : (spec.batch ?? train.features.length);

  const meanLoss = (predictions: readonly number[], indices: readonly number[]) =>
    indices.reduce((sum, i) => sum + loss.value(y[i], predictions[i]), 0) / indices.length;

  const problem = {
    value(x: readonly number[], batch?: Batch) {
      const indices = batch ?? train.features.map((_, i) => i);
      return (
        indices.reduce(
          (sum, i) => sum + loss.value(y[i], classifier.predict(x, train.features[i])),
          0,
        ) / indices.length
      );
    },
    valueAndGradient(x: readonly number[], batch?: Batch) {
      const indices = batch ?? train.features.map((_, i) => i);
      const gradient = new Array<number>(x.length).fill(0);
      let value = 0;
      for (const i of indices) {
        const f = classifier.predictWithGradient(x, train.features[i]);
        value += loss.value(y[i], f.value);
        const dl = loss.derivative(y[i], f.value);
        for (let k = 0; k < gradient.length; k++) gradient[k] += dl * f.gradient[k];
      }
      return { value: value / indices.length, gradient: gradient.map((g) => g / indices.length) };
    },
  };

  const history: HistoryEntry[] = [];
  const trace: string[] = [];
  const all = train.features.map((_, i) => i);
  let order: number[] = [];
  const nextBatch = (): number[] | undefined => {
    if (batchSize >= train.features.length) return undefined;
    if (order.length < batchSize) order = [...order, ...shuffle(all, rng)];
    return order.splice(0, batchSize);
  };

  const evaluate = (weights: readonly number[]) => {
    const trainPredictions = train.features.map((x) => classifier.predict(weights, x));
    const testPredictions = test.features.map((x) => classifier.predict(weights, x));
    return {
      loss: meanLoss(trainPredictions, all),
      trainAccuracy: accuracyOf(trainPredictions, train.labels),
      testAccuracy: accuracyOf(testPredictions, test.labels),
    };
  };

  for (let step = 1; step <= spec.steps; step++) {
    const before = evaluate(theta);
    const batch = nextBatch();
    const circuitsBefore = tracker.circuits;
    const shotsBefore = tracker.shots;
    const result = optimizer.step(problem, theta, batch);
    theta = result.x;
    const entry = tracker.step(
      { step, ...before, gradientNorm: result.gradientNorm },
      "training",
      spec.steps,
    );
    history.push(entry);
    if (step <= 3 || step === spec.steps) {
      trace.push(
        `Step ${step}: loss ${before.loss.toFixed(4)} on ${train.features.length} training points, ` +
          `accuracy ${pct(before.trainAccuracy)} train / ${pct(before.testAccuracy)} test; ` +
          `${optimizer.kind} step on ${batch ? `a batch of ${batch.length}` : "all points"} ` +
          `(${tracker.circuits - circuitsBefore} circuits` +
          (tracker.shots > shotsBefore ? `, ${tracker.shots - shotsBefore} shots` : "") +
          `, gradients by ${spec.gradient})` +
          (result.gradientNorm === undefined ? "" : `, |∇| = ${result.gradientNorm.toFixed(4)}`) +
          ".",
      );
    } else if (step === 4) trace.push("…");
  }

  const final = evaluate(theta);
  const parameters = [
    ...classifier.weightNames.map((name, i) => ({ name, value: theta[i] })),
    ...(spec.bias ? [{ name: "bias", value: theta[theta.length - 1] }] : []),
  ];
  return {
    kind: "train",
    history,
    metrics: {
      loss: final.loss,
      trainAccuracy: final.trainAccuracy,
      testAccuracy: final.testAccuracy,
      parameters: parameters.length,
    },
    parameters,
    dataset: data.summary,
    decision:
      spec.features.length === 2
        ? decisionMap(data, (x) => classifier.predict(theta, x), tracker)
        : undefined,
    baselines: runBaselines(spec.baseline, data),
    trace: [
      ...trace,
      `Final: loss ${final.loss.toFixed(4)}, accuracy ${pct(final.trainAccuracy)} on the training set and ${pct(final.testAccuracy)} on the held-out test set.`,
    ],
  };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

function shuffle<T>(items: readonly T[], rng: { next(): number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export type { PreparedData };
