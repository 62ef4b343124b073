import { describe, expect, it } from "vitest";

import { prepareData } from "@/lib/qml/experiments/data";
import { CircuitModel } from "@/lib/qml/experiments/model";
import { runExperiment } from "@/lib/qml/experiments/run";
import { parseExperiment, type TrainSpec } from "@/lib/qml/experiments/spec";
import { Tracker } from "@/lib/qml/experiments/tracker";
import { buildClassifier } from "@/lib/qml/experiments/train";
import { initialWeights } from "@/lib/qml/experiments/weights";
import { batchSchedule, spsaPerturbations } from "@/lib/qml/export/plan";
import { lossFunction } from "@/lib/qml/losses";
import { createOptimizer } from "@/lib/qml/optimizers";

const MOONS = `experiment: train
data: { set: moons, samples: 24, noise: 0.1, test: 0.25, seed: 3, scale: [-1.5, 1.5] }
features: [x0, x1]
weights: w
init: { seed: 1, scale: 0.3 }
optimizer: { kind: gd, stepSize: 0.5 }
steps: 8
batch: 5
---
OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1; input float w0; input float w1;
qubit[2] q;
ry(x0) q[0]; ry(x1) q[1]; cx q[0], q[1]; ry(w0) q[0]; ry(w1) q[1];`;

/** The training losses the runner would record if its minibatches were `batches`. */
function lossesWith(batches: readonly (readonly number[])[]): number[] {
  const { spec: parsed, circuit } = parseExperiment(MOONS);
  const spec = parsed as TrainSpec;
  const model = new CircuitModel(
    circuit,
    { shots: "exact", seed: spec.seed },
    new Tracker({ maxEvaluations: Infinity }),
  );
  const { train } = prepareData(spec.data, spec.features.length);
  const classifier = buildClassifier(spec, model, model.observable(spec.observable));
  const loss = lossFunction(spec.loss);
  const y = train.labels.map((l) => (l > 0 ? 1 : -1));
  const meanLoss = (theta: readonly number[], rows: readonly number[]) =>
    rows.reduce((s, i) => s + loss.value(y[i], classifier.predict(theta, train.features[i])), 0) /
    rows.length;
  const optimizer = createOptimizer(spec.optimizer, { seed: spec.seed });
  let theta = initialWeights(spec.init, classifier.weightNames.length, spec.seed);
  const all = train.features.map((_, i) => i);
  const losses: number[] = [];
  for (const batch of batches) {
    losses.push(meanLoss(theta, all));
    theta = optimizer.step(
      {
        value: (x, rows) => meanLoss(x, rows ?? all),
        valueAndGradient(x, rows) {
          const gradient = new Array<number>(x.length).fill(0);
          let value = 0;
          for (const i of rows ?? all) {
            const f = classifier.predictWithGradient(x, train.features[i]);
            value += loss.value(y[i], f.value);
            const dl = loss.derivative(y[i], f.value);
            f.gradient.forEach((g, k) => (gradient[k] += dl * g));
          }
          const n = (rows ?? all).length;
          return { value: value / n, gradient: gradient.map((g) => g / n) };
        },
      },
      theta,
      batch,
    ).x;
  }
  return losses;
}

describe("replaying the runner's seeded draws", () => {
  it("gives the minibatches the runner trains on (the same loss curve step for step)", () => {
    const result = runExperiment(MOONS);
    const schedule = batchSchedule(18, 5, 8, 0);
    expect(schedule.every((batch) => batch.length === 5)).toBe(true);
    expect(lossesWith(schedule)).toEqual(result.history.map((h) => h.loss));
    // The comparison is sensitive to the batches: another order gives another curve.
    const other = schedule.map((batch) => [...batch].reverse()).reverse();
    expect(lossesWith(other)).not.toEqual(result.history.map((h) => h.loss));
  });

  it("gives SPSA's perturbation directions, step by step", () => {
    const size = 5;
    const optimizer = createOptimizer({ kind: "spsa", a: 0.2, c: 0.1 }, { seed: 3 });
    const table = spsaPerturbations(12, size, 3);
    let x = new Array<number>(size).fill(0);
    table.forEach((delta) => {
      // With f = x₀ the step is −a_k Δ₀ Δ: its signs reveal Δ up to the overall sign, which is
      // all SPSA depends on (the estimate is even in Δ).
      const next = optimizer.step({ value: (v) => v[0] }, x).x;
      const signs = next.map((xi, i) => Math.sign(xi - x[i]));
      expect(signs).toEqual(delta.map((d) => -delta[0] * d));
      x = next;
    });
    expect(new Set(table.map((row) => row.join())).size).toBeGreaterThan(6);
  });
});
