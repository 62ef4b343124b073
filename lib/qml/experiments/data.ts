/**
 * An experiment's data: the bundled data set it names, split with its seed and features scaled
 * on the training part only (so nothing about the test points leaks into training), checked
 * against the circuit's feature inputs.
 */
import type { LabelledSet } from "../baselines";
import { fitMinMax, listDatasets, loadDataset, splitDataset, type Dataset } from "../data";
import { ExperimentFieldError } from "./field-error";
import type { DatasetSummary } from "./result";
import type { TrainSpec } from "./spec";

export interface PreparedData {
  readonly train: LabelledSet;
  readonly test: LabelledSet;
  readonly summary: DatasetSummary;
}

export function prepareData(spec: TrainSpec["data"], featureInputs: number): PreparedData {
  let dataset: Dataset;
  // The data seed always seeds the split; it also seeds generation where the set is generated.
  const generated = listDatasets()
    .find((d) => d.id === spec.set)
    ?.options.includes("seed");
  try {
    dataset = loadDataset(spec.set, {
      seed: generated ? spec.seed : undefined,
      samples: spec.samples,
      bits: spec.bits,
      noise: spec.noise,
      classes: spec.classes,
      features: spec.featureSubset,
    });
  } catch (error) {
    throw new ExperimentFieldError(["data"], (error as Error).message);
  }
  if (dataset.classNames.length !== 2) {
    throw new ExperimentFieldError(
      ["data"],
      `"${dataset.id}" has ${dataset.classNames.length} classes (${dataset.classNames.join(", ")}); choose two with \`classes: [a, b]\``,
    );
  }
  const width = dataset.features[0]?.length ?? 0;
  if (width !== featureInputs) {
    throw new ExperimentFieldError(
      ["features"],
      `the data set "${dataset.id}" has ${width} feature${width === 1 ? "" : "s"} per point, but ${featureInputs} feature input${featureInputs === 1 ? " is" : "s are"} listed`,
    );
  }
  const split = splitDataset(dataset, { testFraction: spec.test, seed: spec.seed, stratify: true });
  const scaler = spec.scale ? fitMinMax(split.train.features, spec.scale) : undefined;
  const prepared = (set: Dataset): LabelledSet => ({
    features: scaler ? scaler.transform(set.features) : set.features,
    labels: set.labels,
  });
  return {
    train: prepared(split.train),
    test: prepared(split.test),
    summary: {
      id: dataset.id,
      title: dataset.title,
      licence: dataset.licence,
      provenance: dataset.provenance,
      train: split.train.features.length,
      test: split.test.features.length,
      features: dataset.featureNames,
    },
  };
}
