"use client";

import { useState } from "react";

import { scanCellInputs } from "@/lib/notebook/cell-inputs";

import { useNotebook } from "./notebook-context";

interface Format {
  readonly id: string;
  readonly label: string;
}

const CIRCUIT_FORMATS: readonly Format[] = [
  { id: "qasm3", label: "OpenQASM 3" },
  { id: "qasm2", label: "OpenQASM 2" },
  { id: "qiskit", label: "Qiskit" },
  { id: "pennylane", label: "PennyLane" },
  { id: "cirq", label: "Cirq" },
  { id: "braket", label: "Amazon Braket" },
];

/** An experiment exports as a whole script: data, model, optimiser and seed. */
const EXPERIMENT_FORMATS: readonly Format[] = [
  { id: "pennylane", label: "PennyLane script" },
  { id: "qiskit-ml", label: "Qiskit Machine Learning script" },
];

type Exported = { label: string; code: string; copied: boolean } | { label: string; error: string };

/** Copies the cell as code for another tool, and shows what was copied. */
export function ExportMenu({
  id,
  kind = "circuit",
}: {
  id: string;
  kind?: "circuit" | "experiment";
}) {
  const notebook = useNotebook();
  const [exported, setExported] = useState<Exported | null>(null);
  const formats = kind === "experiment" ? EXPERIMENT_FORMATS : CIRCUIT_FORMATS;

  async function exportAs(format: Format) {
    const cell = notebook.state.cells[id];
    const request =
      kind === "experiment"
        ? {
            url: "/api/experiments/export",
            body: { source: cell.source, format: format.id, seed: cell.seed },
          }
        : {
            url: "/api/export",
            body: {
              source: cell.source,
              format: format.id,
              params: {
                ...Object.fromEntries(
                  scanCellInputs(cell.source).map((i) => [i.name, i.defaultValue]),
                ),
                ...cell.params,
              },
            },
          };
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request.body),
    });
    const payload = (await response.json()) as { code?: string; error?: { message: string } };
    if (!payload.code) {
      setExported({
        label: format.label,
        error: payload.error?.message ?? `export failed (${response.status})`,
      });
      return;
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(payload.code);
      copied = true;
    } catch {
      // Clipboard access can be refused; the code is shown below to copy by hand.
    }
    setExported({ label: format.label, code: payload.code, copied });
  }

  return (
    <details className="export">
      <summary>Export</summary>
      <div
        className="export__buttons"
        role="group"
        aria-label={kind === "experiment" ? "Copy this experiment as" : "Copy this circuit as"}
      >
        {formats.map((format) => (
          <button
            key={format.id}
            type="button"
            className="button button--small"
            onClick={() => void exportAs(format)}
          >
            {format.label}
          </button>
        ))}
      </div>
      {exported && "code" in exported ? (
        <div className="export__result">
          <p role="status">
            {exported.copied
              ? `Copied ${exported.label} code to the clipboard.`
              : `${exported.label} code:`}
          </p>
          <pre className="qasm" tabIndex={0} aria-label={`${exported.label} code`}>
            <code>{exported.code}</code>
          </pre>
        </div>
      ) : null}
      {exported && "error" in exported ? (
        <p role="alert" className="export__error">
          {exported.label}: {exported.error}
        </p>
      ) : null}
    </details>
  );
}
