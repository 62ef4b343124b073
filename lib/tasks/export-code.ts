/**
 * The "export" and "notebook-code" tasks: compile learner code and translate it for another tool.
 * Compiling user OpenQASM is work bounded only by the engine's limits and the pool's deadline,
 * so it never runs on the request thread, even though it simulates nothing.
 */
import { compile } from "@/lib/quantum/compile";
import { exportCircuit, type ExportFormat } from "@/lib/quantum/export";

import { experimentExportTask } from "./experiment-task";
import { outcomeOf, type Outcome } from "./run-circuit";

export interface ExportInput {
  readonly source: string;
  readonly format: ExportFormat;
  readonly params: Readonly<Record<string, number>>;
}

export function exportCode(input: ExportInput): Outcome<string> {
  return outcomeOf(() =>
    exportCircuit(compile(input.source, { params: { ...input.params } }), input.format),
  );
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
        : exportCode({ source, format: "qiskit", params: {} });
    code[cellId] = outcome.ok ? { code: outcome.value } : { error: outcome.error.message };
  }
  return code;
}
