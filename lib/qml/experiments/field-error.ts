/**
 * A spec that is valid on its own but does not fit its circuit or data (a feature with no input,
 * a data set with three features for two inputs). Thrown by the runners with the spec path it
 * concerns; runExperiment turns the path into a line and column in the cell.
 */
export class ExperimentFieldError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = "ExperimentFieldError";
  }
}
