"use client";

import { useMemo } from "react";

import { joinExperiment, splitExperiment } from "@/lib/qml/experiments/spec";

import { ExperimentOutput } from "../experiment/experiment-output";
import { ExperimentProgressView } from "../experiment/experiment-progress";
import { LazyQasmEditor, type EditorDiagnostic } from "../editor";
import { CellError } from "../outputs";
import { CellToolbar } from "./cell-toolbar";
import { ExerciseCheck } from "./exercise-check";
import { ExerciseGoal } from "./exercise-goal";
import { ExportMenu } from "./export-menu";
import { useNotebook } from "./notebook-context";
import { useCellFocus } from "./use-cell-focus";
import type { ExerciseInfo } from "./runnable-cell";

interface Props {
  id: string;
  index: number;
  exercise?: ExerciseInfo;
  courseId: string;
  lessonId: string;
}

/** The cell's text as two editable parts; a text without `---` is all spec until fixed. */
function partsOf(source: string): { spec: string; circuit: string; circuitLine: number } {
  try {
    return splitExperiment(source);
  } catch {
    return { spec: source, circuit: "", circuitLine: source.split("\n").length + 2 };
  }
}

/**
 * An experiment cell: a declarative spec (what to train, fit, scan or minimise) above the circuit
 * it runs, each in its own editor; the run streams its progress into live curves, then shows the
 * result's views. Errors are marked in whichever editor they belong to.
 */
export function ExperimentCell({ id, index, exercise, courseId, lessonId }: Props) {
  const notebook = useNotebook();
  const cell = notebook.state.cells[id];
  const { containerRef, onEditorReady } = useCellFocus(id);
  const parts = useMemo(() => partsOf(cell.source), [cell.source]);
  const title = exercise ? `Exercise: ${exercise.title}` : `Experiment ${index}`;

  const edit = (spec: string, circuit: string) =>
    notebook.dispatch({ type: "edit", id, source: joinExperiment(spec, circuit), now: Date.now() });

  // Errors come located in the whole cell; each editor counts its own lines.
  const cellError = cell.output?.kind === "error" ? cell.output.error : undefined;
  const inCircuit = Boolean(cellError?.line && cellError.line >= parts.circuitLine);
  const error =
    cellError?.line === undefined
      ? cellError
      : {
          ...cellError,
          line: inCircuit ? cellError.line - parts.circuitLine + 1 : cellError.line,
          message: `${inCircuit ? "In the circuit" : "In the experiment spec"}: ${cellError.message}`,
        };
  const diagnostics: EditorDiagnostic[] = error?.line
    ? [{ message: cellError!.message, line: error.line, column: error.column ?? 1 }]
    : [];
  const specDiagnostics = inCircuit ? [] : diagnostics;
  const circuitDiagnostics = inCircuit ? diagnostics : [];

  return (
    <section
      ref={containerRef}
      tabIndex={-1}
      className={`cell cell--experiment${exercise ? " cell--exercise" : ""}`}
      id={`cell-${id}`}
      aria-label={title}
      data-cell-id={id}
      data-status={cell.status}
    >
      {exercise ? <ExerciseGoal exercise={exercise} cellId={id} /> : null}
      <CellToolbar id={id} title={title} exercise={Boolean(exercise)} showShots={false} />
      <div className="experiment__editors">
        <div className="experiment__part" data-part="spec">
          <h4 className="experiment__part-title">Experiment</h4>
          <LazyQasmEditor
            language="spec"
            value={parts.spec}
            onChange={(spec) => edit(spec, parts.circuit)}
            onRun={(mode) => void notebook.run(id, mode)}
            diagnostics={specDiagnostics}
            ariaLabel={`Experiment spec of ${title}`}
            onReady={onEditorReady}
          />
        </div>
        <div className="experiment__part" data-part="circuit">
          <h4 className="experiment__part-title">Circuit</h4>
          <LazyQasmEditor
            value={parts.circuit}
            onChange={(circuit) => edit(parts.spec, circuit)}
            onRun={(mode) => void notebook.run(id, mode)}
            diagnostics={circuitDiagnostics}
            ariaLabel={`OpenQASM circuit of ${title}`}
          />
        </div>
      </div>
      <div className="cell__output" aria-live="polite">
        {cell.status === "running" ? (
          <ExperimentProgressView
            progress={cell.progress ?? []}
            onCancel={() => notebook.cancel(id)}
          />
        ) : null}
        {cell.output?.kind === "experiment" ? (
          <ExperimentOutput result={cell.output.result} />
        ) : null}
        {error ? <CellError error={error} /> : null}
      </div>
      {exercise ? <ExerciseCheck courseId={courseId} lessonId={lessonId} cellId={id} /> : null}
      <ExportMenu id={id} kind="experiment" />
    </section>
  );
}
