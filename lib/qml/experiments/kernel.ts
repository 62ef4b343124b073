/**
 * A quantum kernel: the cell's circuit is a feature map x ↦ |ψ(x)⟩, the kernel is the fidelity
 * k(x, x′) = |⟨ψ(x)|ψ(x′)⟩|² — exact from state vectors, or estimated as a compute-uncompute
 * circuit would with shots (the all-zeros frequency of U(x′)†U(x)|0⟩ is Binomial(shots, k)) — and
 * a soft-margin SVM is solved on the training Gram matrix. Classical baselines run on the same
 * split.
 */
import { createRng, type Rng } from "@/lib/quantum/sample";
import type { StateVector } from "@/lib/quantum/statevector";

import { kernelSpectrum, offDiagonalStats, orderByLabel } from "../kernel-matrix";
import { accuracy } from "../metrics";
import { fitSvm, svmDecision } from "../svm";
import { runBaselines } from "./baselines";
import { binomial } from "./sampling";
import { prepareData } from "./data";
import { decisionMap } from "./decision";
import { ExperimentFieldError } from "./field-error";
import type { CircuitModel } from "./model";
import type { ExperimentResult, HistoryEntry, KernelView } from "./result";
import type { KernelSpec } from "./spec";
import type { Tracker } from "./tracker";

export function fidelity(a: StateVector, b: StateVector): number {
  const x = a.amps;
  const y = b.amps;
  let re = 0;
  let im = 0;
  for (let k = 0; k < x.length; k += 2) {
    re += x[k] * y[k] + x[k + 1] * y[k + 1];
    im += x[k] * y[k + 1] - x[k + 1] * y[k];
  }
  return re * re + im * im;
}

/** A kernel entry as measured: exact, or the all-zeros frequency over `shots` shots. */
function estimate(k: number, shots: number | "exact", rng: Rng): number {
  return shots === "exact" ? k : binomial(shots, Math.min(1, Math.max(0, k)), rng) / shots;
}

export function runKernel(
  spec: KernelSpec,
  model: CircuitModel,
  tracker: Tracker,
): Omit<ExperimentResult, "seed" | "elapsedMs"> {
  if (spec.noise) {
    throw new ExperimentFieldError(
      ["noise"],
      "kernel experiments run noiseless (exact or with shots); remove `noise` or use a train experiment",
    );
  }
  for (const [i, name] of spec.features.entries()) {
    if (!model.parameters.includes(name)) {
      throw new ExperimentFieldError(
        ["features", i],
        `the circuit declares no \`input float ${name};\``,
      );
    }
  }
  const data = prepareData(spec.data, spec.features.length);
  const rng = createRng(spec.seed);
  const stateOf = (x: readonly number[]) =>
    model.state(Object.fromEntries(spec.features.map((name, i) => [name, x[i]])));
  const signed = (labels: readonly number[]) => labels.map((l) => (l > 0 ? 1 : -1));
  const yTrain = signed(data.train.labels);
  const yTest = signed(data.test.labels);
  const n = data.train.features.length;

  tracker.phase("feature-map states", n);
  const trainStates = data.train.features.map(stateOf);
  const history: HistoryEntry[] = [];
  const gram = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    gram[i][i] = 1;
    for (let j = 0; j < i; j++) {
      const k = estimate(fidelity(trainStates[i], trainStates[j]), spec.shots, rng);
      gram[i][j] = k;
      gram[j][i] = k;
    }
    if (spec.shots !== "exact") tracker.spend(i, spec.shots); // one compute-uncompute circuit per entry
    history.push(
      tracker.step(
        { step: i + 1, value: gram[i].reduce((a, b) => a + b, 0) / n },
        "kernel matrix",
        n,
      ),
    );
  }

  const svm = fitSvm(gram, yTrain, { C: spec.C });
  const rowAgainstTrain = (state: StateVector) => {
    if (spec.shots !== "exact") tracker.spend(n, spec.shots);
    return trainStates.map((t) => estimate(fidelity(state, t), spec.shots, rng));
  };
  const trainScores = gram.map((row) => svmDecision(svm, row));
  tracker.phase("test points", data.test.features.length);
  const testScores = data.test.features.map((x) => svmDecision(svm, rowAgainstTrain(stateOf(x))));
  const trainAccuracy = accuracy(yTrain, trainScores);
  const testAccuracy = yTest.length ? accuracy(yTest, testScores) : NaN;

  const kernel = kernelView(gram, yTrain, svm.supportVectors.length);
  return {
    kind: "kernel",
    history,
    metrics: {
      trainAccuracy,
      testAccuracy,
      supportVectors: svm.supportVectors.length,
    },
    dataset: data.summary,
    kernel,
    decision:
      spec.features.length === 2
        ? decisionMap(data, (x) => svmDecision(svm, rowAgainstTrain(stateOf(x))), tracker)
        : undefined,
    baselines: runBaselines(spec.baseline, data),
    trace: [
      `Prepared ${n} feature-map states |ψ(x)⟩ on ${model.numQubits} qubits and computed the ${n} × ${n} Gram matrix ${spec.shots === "exact" ? "exactly from state overlaps" : `with ${spec.shots} shots per entry (compute-uncompute)`}.`,
      `Solved the soft-margin SVM dual (C = ${spec.C}) by SMO: ${svm.supportVectors.length} support vectors, KKT gap ${svm.kktGap.toExponential(1)}.`,
      `Accuracy ${(100 * trainAccuracy).toFixed(1)} % on the training set and ${(100 * testAccuracy).toFixed(1)} % on ${yTest.length} held-out test points.`,
      `Off-diagonal kernel values: mean ${kernel.offDiagonalMean.toFixed(3)}, variance ${kernel.offDiagonalVariance.toExponential(2)} (a variance near zero means the kernel has concentrated and tells points apart poorly).`,
    ],
  };
}

/** The Gram matrix ordered by class (so blocks show), its spectrum and concentration. */
function kernelView(gram: number[][], labels: number[], supportVectors: number): KernelView {
  const ordered = orderByLabel(gram, labels);
  const { mean, variance } = offDiagonalStats(gram);
  return {
    matrix: ordered.matrix,
    labels: ordered.labels,
    spectrum: kernelSpectrum(gram),
    offDiagonalMean: mean,
    offDiagonalVariance: variance,
    supportVectors,
  };
}
