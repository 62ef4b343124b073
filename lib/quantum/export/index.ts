/**
 * One entry for every exporter: `exportCircuit(circuit, format)` returns source code a learner can
 * paste into the named tool and run. Each exporter either writes an exact equivalent of the
 * circuit or throws QuantumError("unsupported") naming what its target cannot express.
 */
import type { Circuit } from "../ir";
import { assertNever } from "../ir";
import { exportBraket } from "./braket";
import { exportCirq } from "./cirq";
import { exportPennyLane } from "./pennylane";
import { exportQasm2 } from "./qasm2";
import { exportQasm3 } from "./qasm3";
import { exportQiskit } from "./qiskit";

export const EXPORT_FORMATS = ["qasm2", "qasm3", "qiskit", "pennylane", "cirq", "braket"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export function exportCircuit(circuit: Circuit, format: ExportFormat): string {
  switch (format) {
    case "qasm2":
      return exportQasm2(circuit);
    case "qasm3":
      return exportQasm3(circuit);
    case "qiskit":
      return exportQiskit(circuit);
    case "pennylane":
      return exportPennyLane(circuit);
    case "cirq":
      return exportCirq(circuit);
    case "braket":
      return exportBraket(circuit);
    default:
      return assertNever(format, "export format");
  }
}

export { exportBraket, exportCirq, exportPennyLane, exportQasm2, exportQasm3, exportQiskit };
