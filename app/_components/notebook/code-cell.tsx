import type { CodeCellBlock } from "@/lib/notebook/types";

import { QasmCode } from "./qasm-code";

/** A code cell of a lesson: its stable id is the DOM id, so links and saved work can find it. */
export function CodeCell({ cell, index }: { cell: CodeCellBlock; index: number }) {
  const title = cell.exercise ? `Exercise ${cell.id}` : `Cell ${index}`;
  return (
    <section
      className={`cell${cell.exercise ? " cell--exercise" : ""}`}
      id={`cell-${cell.id}`}
      aria-label={title}
    >
      <header className="cell__header">
        <span className="cell__prompt" aria-hidden="true">
          [{index}]
        </span>
        <span className="cell__lang">OpenQASM</span>
        {cell.exercise ? <span className="badge badge--exercise">Exercise</span> : null}
      </header>
      <QasmCode source={cell.source} label={`OpenQASM code of ${title}`} />
    </section>
  );
}
