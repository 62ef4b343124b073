/**
 * Experiment cells as runnable scripts for other tools: `exportExperiment(cell, format)` returns
 * a complete PennyLane or Qiskit Machine Learning script that repeats the cell's experiment with
 * the same data, model, optimiser, seed and initial weights, and prints the metrics Ketbook
 * reports. Anything a script cannot express faithfully is an error naming it, never a script
 * that computes something else:
 * - ExperimentSpecError (located in the cell) for the spec: a mistake, or a field the export
 *   cannot honour (noise);
 * - QuantumError for the circuit (its `loc` counts lines from the circuit's first line, as the
 *   runner's errors do): a mid-circuit measurement, an input Qiskit would drop.
 */
import { ExperimentFieldError } from "../experiments/field-error";
import { ExperimentSpecError, parseExperiment, specLocation } from "../experiments/spec";
import { pennylaneScript } from "./pennylane";
import { planExport } from "./plan";
import { qiskitMlScript } from "./qiskit-ml";

export const EXPERIMENT_EXPORT_FORMATS = ["pennylane", "qiskit-ml"] as const;
export type ExperimentExportFormat = (typeof EXPERIMENT_EXPORT_FORMATS)[number];

export function isExperimentExportFormat(value: string): value is ExperimentExportFormat {
  return (EXPERIMENT_EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportExperimentOptions {
  /** Overrides the spec's seed, as the page's seed box does for a run. */
  readonly seed?: number;
}

export function exportExperiment(
  cellText: string,
  format: ExperimentExportFormat,
  options: ExportExperimentOptions = {},
): string {
  try {
    const parsed = parseExperiment(cellText);
    const spec = options.seed === undefined ? parsed.spec : { ...parsed.spec, seed: options.seed };
    const plan = planExport(spec, parsed.circuit);
    switch (format) {
      case "pennylane":
        return pennylaneScript(plan);
      case "qiskit-ml":
        return qiskitMlScript(plan);
      default: {
        const unknown: never = format;
        throw new TypeError(`unknown experiment export format ${JSON.stringify(unknown)}`);
      }
    }
  } catch (error) {
    if (error instanceof ExperimentFieldError) {
      const { line, column } = specLocation(cellText, error.path);
      throw new ExperimentSpecError(error.message, line, column);
    }
    throw error;
  }
}
