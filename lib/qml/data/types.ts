/**
 * What every bundled data set looks like, and the one error the data layer throws. A data set
 * carries its licence and provenance so the page can show where the numbers come from.
 */

/** Thrown for an unknown data set or an option a data set cannot honour. */
export class DatasetError extends Error {
  readonly code: "unknown-dataset" | "bad-option";
  constructor(code: DatasetError["code"], message: string) {
    super(message);
    this.name = "DatasetError";
    this.code = code;
  }
}

export interface DatasetInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Licence of the data (bundled) or of the generating procedure (generated). */
  readonly licence: string;
  /** Citation and URL as plain text. */
  readonly provenance: string;
  /** Options this data set reads; others are rejected rather than ignored. */
  readonly options: readonly (keyof DatasetOptions)[];
}

export interface Dataset extends Omit<DatasetInfo, "options"> {
  readonly task: "classification";
  /** One row per sample. */
  readonly features: number[][];
  /** Class ids 0 … classNames.length − 1, one per sample. */
  readonly labels: number[];
  readonly featureNames: string[];
  readonly classNames: string[];
  /** The options the rows were made with (defaults filled in), for reproducing them. */
  readonly options: Readonly<DatasetOptions>;
}

export interface DatasetOptions {
  /** Seed of every random draw (generated sets). */
  seed?: number;
  /** Number of samples (generated sets). */
  samples?: number;
  /** Standard deviation of the Gaussian noise added to each feature (moons, circles). */
  noise?: number;
  /** Indices of the features to keep, in order. */
  features?: number[];
  /** Two class names (or ids) to keep, relabelled 0 and 1 in that order. */
  classes?: [string | number, string | number];
  /** Number of bits (parity). */
  bits?: number;
  /** Separation gap Δ (ad hoc). */
  gap?: number;
  /** Number of centres (blobs). */
  centers?: number;
  /** Dimension of the feature space (ad hoc: 2 or 3). */
  dimension?: number;
}
