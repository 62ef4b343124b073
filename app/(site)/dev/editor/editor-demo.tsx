"use client";

import { useState } from "react";

import type { EditorDiagnostic } from "../../../_components/editor/diagnostics";
import { LazyQasmEditor } from "../../../_components/editor/lazy-qasm-editor";

const BELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;
`;

const WITH_ERROR = `OPENQASM 3.0;
include "stdgates.inc";
hadamard q[0];
`;

const CELL_DIAGNOSTICS: Record<string, readonly EditorDiagnostic[]> = {
  bell: [],
  broken: [{ message: 'unknown gate "hadamard"', line: 3, column: 1 }],
};

/** Two cells and a log of every run request, newest last. */
export function EditorDemo() {
  const [sources, setSources] = useState<Record<string, string>>({
    bell: BELL,
    broken: WITH_ERROR,
  });
  const [log, setLog] = useState<string[]>([]);

  return (
    <>
      {Object.keys(sources).map((id, index) => (
        <section key={id} className="cell" data-cell aria-label={`Cell ${index + 1}`}>
          <header className="cell__header">
            <span className="cell__prompt" aria-hidden="true">
              [{index + 1}]
            </span>
            <span className="cell__lang">OpenQASM</span>
          </header>
          <LazyQasmEditor
            value={sources[id]}
            onChange={(value) => setSources((all) => ({ ...all, [id]: value }))}
            onRun={(mode) => setLog((lines) => [...lines, `run ${id} ${mode}`])}
            diagnostics={CELL_DIAGNOSTICS[id]}
            ariaLabel={`OpenQASM code of cell ${index + 1}`}
          />
        </section>
      ))}
      <h2>Run log</h2>
      <ol aria-label="Run log" data-testid="run-log">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </>
  );
}
