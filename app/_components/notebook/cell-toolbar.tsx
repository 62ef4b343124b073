"use client";

import { useNotebook } from "./notebook-context";

/** Run / Reset / shots / seed for one cell, and its Jupyter-style execution counter. */
export function CellToolbar({
  id,
  title,
  exercise,
  showShots = true,
}: {
  id: string;
  title: string;
  exercise: boolean;
  /** Experiment cells set their shots in the spec. */
  showShots?: boolean;
}) {
  const notebook = useNotebook();
  const cell = notebook.state.cells[id];
  const running = cell.status === "running";
  const counter = running ? "*" : (cell.executionCount ?? " ");
  const modified = cell.source !== cell.originalSource;

  return (
    <header className="cell__header">
      <span
        className="cell__prompt"
        aria-label={running ? "running" : `execution count ${cell.executionCount ?? "none"}`}
      >
        [{counter}]
      </span>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => void notebook.run(id)}
        disabled={running}
        aria-keyshortcuts="Shift+Enter Control+Enter"
        title="Run (Shift+Enter runs and moves to the next cell; Ctrl/Cmd+Enter runs in place)"
      >
        ▶ Run<span className="visually-hidden"> {title}</span>
      </button>
      {exercise ? <span className="badge badge--exercise">Exercise</span> : null}
      <span className="cell__spacer" />
      {showShots ? (
        <label className="cell__field">
          Shots
          <input
            type="number"
            min={1}
            max={100000}
            step={1}
            value={cell.shots}
            onChange={(event) => {
              const shots = Math.round(Number(event.target.value));
              if (shots >= 1 && shots <= 100000)
                notebook.dispatch({ type: "set-shots", id, shots, now: Date.now() });
            }}
          />
        </label>
      ) : null}
      <label className="cell__field">
        Seed
        <input
          type="number"
          min={0}
          step={1}
          placeholder="random"
          value={cell.seed ?? ""}
          onChange={(event) => {
            const text = event.target.value.trim();
            const seed = text === "" ? undefined : Math.max(0, Math.round(Number(text)));
            notebook.dispatch({
              type: "set-seed",
              id,
              seed: Number.isFinite(seed) ? seed : undefined,
              now: Date.now(),
            });
          }}
        />
      </label>
      <button
        type="button"
        className="button button--small"
        disabled={!modified && !cell.output}
        onClick={() => notebook.dispatch({ type: "reset", id, now: Date.now() })}
        title="Restore the lesson's original code and clear the output"
      >
        Reset
      </button>
    </header>
  );
}
