/**
 * The "export" and "notebook-code" tasks: compile learner code and translate it for another tool.
 * Compiling user OpenQASM is work bounded only by the engine's limits and the pool's deadline,
 * so it never runs on the request thread, even though it simulates nothing.
 */
import { scanCellInputs } from "@/lib/notebook/cell-inputs";
import { compile } from "@/lib/quantum/compile";
import { compileParametric } from "@/lib/quantum/diff/parametric";
import { QuantumError } from "@/lib/quantum/errors";
import { exportCircuit, type ExportFormat } from "@/lib/quantum/export";

import { experimentExportTask } from "./experiment-task";
import { outcomeOf, type Outcome } from "./run-circuit";

export interface ExportInput {
  readonly source: string;
  readonly format: ExportFormat;
  readonly params: Readonly<Record<string, number>>;
}

const PARAMETRIC_FORMATS: ReadonlySet<ExportFormat> = new Set([
  "qasm3",
  "qiskit",
  "pennylane",
  "cirq",
  "braket",
]);

/**
 * Formats that can keep a cell's inputs as parameters get the circuit compiled for rebinding (its
 * angles as expressions of the inputs, the given values to bind); the others get numbers.
 */
export function exportCode(input: ExportInput): Outcome<string> {
  return outcomeOf(() => {
    const params = { ...input.params };
    const bound = compile(input.source, { params });
    // A cell under its own noise model keeps it (only bound circuits carry one), as numbers.
    if (!PARAMETRIC_FORMATS.has(input.format) || bound.inputs.length === 0 || bound.noise) {
      return exportCircuit(bound, input.format);
    }
    const { template } = compileParametric(input.source, { params, ignoreNoise: true });
    try {
      return exportCircuit(template, input.format);
    } catch (error) {
      // A target that cannot keep this cell's expressions (Braket has no sin of a parameter)
      // still gets the circuit, with the inputs bound to their values.
      if (error instanceof QuantumError && error.code === "unsupported") {
        return exportCircuit(bound, input.format);
      }
      throw error;
    }
  });
}

/**
 * Every cell of a notebook, by cell id, as Python for the .ipynb download: circuit cells as
 * Qiskit code, experiment cells as Qiskit Machine Learning scripts.
 */
export interface NotebookCodeInput {
  readonly cells: Readonly<Record<string, { source: string; language: "qasm" | "experiment" }>>;
}

export type NotebookCode = Record<string, { code: string } | { error: string }>;

export function notebookCode(input: NotebookCodeInput): NotebookCode {
  const code: NotebookCode = {};
  for (const [cellId, { source, language }] of Object.entries(input.cells)) {
    const outcome =
      language === "experiment"
        ? experimentExportTask({ source, format: "qiskit-ml" })
        : // A slider cell is written with its inputs as parameters, bound to the sliders' defaults.
          exportCode({ source, format: "qiskit", params: sliderDefaults(source) });
    code[cellId] = outcome.ok ? { code: outcome.value } : { error: outcome.error.message };
  }
  return code;
}

/** The value every `input float` of a cell starts at on the page (its `// @range` default). */
function sliderDefaults(source: string): Record<string, number> {
  return Object.fromEntries(scanCellInputs(source).map((i) => [i.name, i.defaultValue]));
}
