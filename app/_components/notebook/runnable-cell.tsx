"use client";

import { useEffect, useMemo, useState } from "react";

import { scanCellInputs } from "@/lib/notebook/cell-inputs";

import { CellError, CellOutput } from "../outputs";
import { LazyQasmEditor } from "../editor";
import { CellToolbar } from "./cell-toolbar";
import { ExerciseCheck } from "./exercise-check";
import { ExerciseGoal } from "./exercise-goal";
import { ExportMenu } from "./export-menu";
import { useNotebook } from "./notebook-context";
import { useCellFocus } from "./use-cell-focus";
import { ParameterSliders } from "./parameter-sliders";

/** What a learner may see of an exercise before solving it: never its check. */
export interface ExerciseInfo {
  title: string;
  goalHtml: string;
}

interface Props {
  id: string;
  index: number;
  exercise?: ExerciseInfo;
  courseId: string;
  lessonId: string;
}

/** An editable, runnable code cell: editor, controls, sliders and the last output. */
export function RunnableCell({ id, index, exercise, courseId, lessonId }: Props) {
  const notebook = useNotebook();
  const cell = notebook.state.cells[id];
  const { containerRef, onEditorReady } = useCellFocus(id);
  const inputs = useMemo(() => scanCellInputs(cell.source), [cell.source]);
  const title = exercise ? `Exercise: ${exercise.title}` : `Cell ${index}`;

  const diagnostics =
    cell.output?.kind === "error" && cell.output.error.line
      ? [
          {
            message: cell.output.error.message,
            line: cell.output.error.line,
            column: cell.output.error.column ?? 1,
          },
        ]
      : [];

  return (
    <section
      ref={containerRef}
      tabIndex={-1}
      className={`cell${exercise ? " cell--exercise" : ""}`}
      id={`cell-${id}`}
      aria-label={title}
      data-cell-id={id}
      data-status={cell.status}
    >
      {exercise ? <ExerciseGoal exercise={exercise} cellId={id} /> : null}
      <CellToolbar id={id} title={title} exercise={Boolean(exercise)} />
      <LazyQasmEditor
        value={cell.source}
        onChange={(source) => notebook.dispatch({ type: "edit", id, source, now: Date.now() })}
        onRun={(mode) => void notebook.run(id, mode)}
        diagnostics={diagnostics}
        ariaLabel={`OpenQASM code of ${title}`}
        onReady={onEditorReady}
      />
      {inputs.length > 0 ? <ParameterSliders id={id} inputs={inputs} /> : null}
      <div className="cell__output" aria-live="polite">
        <RunningIndicator id={id} />
        {cell.output?.kind === "result" ? (
          <CellOutput result={cell.output.result} layout={cell.output.result.layout} />
        ) : null}
        {cell.output?.kind === "error" ? <CellError error={cell.output.error} /> : null}
      </div>
      {exercise ? <ExerciseCheck courseId={courseId} lessonId={lessonId} cellId={id} /> : null}
      <ExportMenu id={id} />
    </section>
  );
}

/** Elapsed time while a run is in flight, with Cancel. */
function RunningIndicator({ id }: { id: string }) {
  const notebook = useNotebook();
  const cell = notebook.state.cells[id];
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (cell.status !== "running") return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [cell.status]);
  if (cell.status !== "running") return null;
  const elapsed = Math.max(0, (now - (cell.startedAt ?? now)) / 1000);
  return (
    <p className="cell__running" role="status">
      <span className="spinner" aria-hidden="true" /> Running… {elapsed.toFixed(1)} s{" "}
      <button type="button" className="button button--small" onClick={() => notebook.cancel(id)}>
        Cancel
      </button>
    </p>
  );
}
