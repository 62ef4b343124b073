"use client";

import type { NewCellKind } from "@/lib/studio/lesson-source";

export type CellAction =
  | { kind: "add"; cell: NewCellKind }
  | { kind: "move"; direction: -1 | 1 }
  | { kind: "duplicate" }
  | { kind: "delete" };

const ADD: readonly { cell: NewCellKind; label: string }[] = [
  { cell: "prose", label: "Add prose cell" },
  { cell: "qasm", label: "Add qasm cell" },
  { cell: "experiment", label: "Add experiment cell" },
  { cell: "exercise", label: "Add exercise cell" },
];

/**
 * The lesson tab's cell actions. Each acts on the cell at the editor's cursor (adding puts the
 * new cell after it). A toolbar in the ARIA sense: one Tab stop, arrow keys between buttons.
 */
export function StudioCellToolbar({ onAction }: { onAction(action: CellAction): void }) {
  const buttons: { label: string; action: CellAction }[] = [
    ...ADD.map(({ cell, label }) => ({ label, action: { kind: "add", cell } as CellAction })),
    { label: "Move cell up", action: { kind: "move", direction: -1 } },
    { label: "Move cell down", action: { kind: "move", direction: 1 } },
    { label: "Duplicate cell", action: { kind: "duplicate" } },
    { label: "Delete cell", action: { kind: "delete" } },
  ];
  return (
    <div
      className="studio-cell-toolbar"
      role="toolbar"
      aria-label="Cells (acts on the cell at the cursor)"
      onKeyDown={(event) => {
        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
        const all = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
        const at = all.indexOf(document.activeElement as HTMLButtonElement);
        if (at === -1) return;
        event.preventDefault();
        const next = (at + (event.key === "ArrowRight" ? 1 : -1) + all.length) % all.length;
        all[next].focus();
      }}
    >
      {buttons.map(({ label, action }, index) => (
        <button
          key={label}
          type="button"
          className="button button--small"
          tabIndex={index === 0 ? 0 : -1}
          onClick={() => onAction(action)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
