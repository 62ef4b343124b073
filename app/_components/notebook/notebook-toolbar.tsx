"use client";

import { useState } from "react";

import { useNotebook } from "./notebook-context";

/** Notebook-wide actions: Run all, and download as a Jupyter notebook (with the learner's edits). */
export function NotebookToolbar({
  downloadName,
}: {
  /** The .ipynb file's name; null hides the download (a preview has no notebook route). */
  downloadName: string | null;
}) {
  const notebook = useNotebook();
  const [runningAll, setRunningAll] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  async function download() {
    setDownloadError(null);
    const sources = Object.fromEntries(
      notebook.state.order.map((id) => [id, notebook.state.cells[id].source]),
    );
    const response = await fetch(`${window.location.pathname}/notebook.ipynb`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sources }),
    });
    if (!response.ok) {
      const payload = (await response.json().catch(() => null)) as {
        error?: { message: string };
      } | null;
      setDownloadError(payload?.error?.message ?? `download failed (${response.status})`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = `${downloadName}.ipynb`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="notebook-toolbar" role="toolbar" aria-label="Notebook">
      <button
        type="button"
        className="button button--small"
        disabled={runningAll}
        onClick={async () => {
          setRunningAll(true);
          try {
            await notebook.runAll();
          } finally {
            setRunningAll(false);
          }
        }}
      >
        {runningAll ? "Running all…" : "▶▶ Run all"}
      </button>
      {downloadName === null ? null : (
        <button type="button" className="button button--small" onClick={() => void download()}>
          Download .ipynb
        </button>
      )}
      <span className="notebook-toolbar__hint">
        <kbd>Shift</kbd>+<kbd>Enter</kbd> run and go to next · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> run
        in place · <kbd>Esc</kbd> or <kbd>Ctrl</kbd>+<kbd>M</kbd> leave the editor
      </span>
      {downloadError ? (
        <p role="alert" className="export__error">
          {downloadError}
        </p>
      ) : null}
    </div>
  );
}
