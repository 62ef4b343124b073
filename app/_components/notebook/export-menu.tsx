"use client";

import { useState } from "react";

import { scanCellInputs } from "@/lib/notebook/cell-inputs";

import { useNotebook } from "./notebook-context";

const FORMATS = [
  { id: "qasm3", label: "OpenQASM 3" },
  { id: "qasm2", label: "OpenQASM 2" },
  { id: "qiskit", label: "Qiskit" },
  { id: "pennylane", label: "PennyLane" },
  { id: "cirq", label: "Cirq" },
  { id: "braket", label: "Amazon Braket" },
] as const;

type Exported = { label: string; code: string; copied: boolean } | { label: string; error: string };

/** Copies the cell's circuit as code for another tool, and shows what was copied. */
export function ExportMenu({ id }: { id: string }) {
  const notebook = useNotebook();
  const [exported, setExported] = useState<Exported | null>(null);

  async function exportAs(format: (typeof FORMATS)[number]) {
    const cell = notebook.state.cells[id];
    const defaults = Object.fromEntries(
      scanCellInputs(cell.source).map((i) => [i.name, i.defaultValue]),
    );
    const response = await fetch("/api/export", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        source: cell.source,
        format: format.id,
        params: { ...defaults, ...cell.params },
      }),
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
      <div className="export__buttons" role="group" aria-label="Copy this circuit as">
        {FORMATS.map((format) => (
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
