/** Options every data set shares: keep a subset of the features, keep a pair of classes. */
import { DatasetError, type Dataset, type DatasetOptions } from "./types";

/** Keeps the features at `indices`, in that order. */
export function selectFeatures(data: Dataset, indices: readonly number[]): Dataset {
  const d = data.featureNames.length;
  if (indices.length === 0) throw new DatasetError("bad-option", `${data.id}: features is empty`);
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= d) {
      throw new DatasetError(
        "bad-option",
        `${data.id}: feature ${i} does not exist (it has features 0–${d - 1})`,
      );
    }
  }
  if (new Set(indices).size !== indices.length) {
    throw new DatasetError("bad-option", `${data.id}: a feature is listed twice`);
  }
  return {
    ...data,
    features: data.features.map((row) => indices.map((i) => row[i])),
    featureNames: indices.map((i) => data.featureNames[i]),
    options: { ...data.options, features: [...indices] },
  };
}

/** Keeps two classes, named or numbered, relabelled 0 and 1 in the order given. */
export function selectClasses(
  data: Dataset,
  pair: NonNullable<DatasetOptions["classes"]>,
): Dataset {
  const ids = pair.map((c) => {
    const id = typeof c === "number" ? c : data.classNames.indexOf(c);
    if (!Number.isInteger(id) || id < 0 || id >= data.classNames.length) {
      throw new DatasetError(
        "bad-option",
        `${data.id}: no class ${JSON.stringify(c)} (classes: ${data.classNames.join(", ")})`,
      );
    }
    return id;
  });
  if (pair.length !== 2 || ids[0] === ids[1]) {
    throw new DatasetError("bad-option", `${data.id}: classes takes two different classes`);
  }
  const keep = data.labels.map((l, i) => (ids.includes(l) ? i : -1)).filter((i) => i >= 0);
  return {
    ...data,
    features: keep.map((i) => data.features[i]),
    labels: keep.map((i) => ids.indexOf(data.labels[i])),
    classNames: ids.map((id) => data.classNames[id]),
    options: { ...data.options, classes: [pair[0], pair[1]] },
  };
}
