"use client";

import { useEffect, useMemo, useState } from "react";

import type { Lesson } from "@/lib/notebook/types";
import type { Problem } from "@/lib/studio/draft-saver";

import { NotebookView } from "../notebook/notebook-view";
import { previewLesson } from "./draft-api";
import { ProblemList } from "./problem-list";

/** Wait after the last keystroke before asking the server for a new preview. */
export const PREVIEW_DELAY_MS = 600;

type PreviewState =
  | { kind: "loading" }
  | { kind: "ready"; lesson: Lesson }
  | { kind: "problems"; problems: readonly Problem[]; lesson: Lesson | null }
  | { kind: "error"; message: string; lesson: Lesson | null };

/**
 * The lesson as learners will see it, rendered by the server's real parser and renderer (the
 * preview route) and shown with the real NotebookView, so its cells run. While the text has
 * problems the last good preview stays, under the list of problems.
 */
export function LessonPreview({
  courseId,
  name,
  text,
  onProblems,
  onJump,
}: {
  courseId: string;
  name: string;
  text: string;
  /** The problems of the latest preview (empty when it rendered), for the editor's markers. */
  onProblems(problems: readonly Problem[]): void;
  onJump(line: number): void;
}) {
  const [state, setState] = useState<PreviewState>({ kind: "loading" });
  const [updating, setUpdating] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setUpdating(true);
      previewLesson(courseId, name, text, controller.signal)
        .then((result) => {
          setState((previous) => {
            const last = "lesson" in previous ? previous.lesson : null;
            if (result.ok) return { kind: "ready", lesson: result.lesson };
            if ("problems" in result) {
              return { kind: "problems", problems: result.problems, lesson: last };
            }
            return { kind: "error", message: result.error, lesson: last };
          });
          onProblems(result.ok ? [] : "problems" in result ? result.problems : []);
        })
        .catch((error: Error) => {
          if (error.name === "AbortError") return;
          setState((previous) => ({
            kind: "error",
            message: `the preview could not be fetched (${error.message})`,
            lesson: "lesson" in previous ? previous.lesson : null,
          }));
        })
        .finally(() => {
          if (!controller.signal.aborted) setUpdating(false);
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // onProblems is a setter from the parent; a new function must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [courseId, name, text]);

  const lesson = "lesson" in state ? state.lesson : null;
  // The notebook keeps its cells' sources from when it was created: a new set of cells (or a
  // cell's new source) makes a new notebook, while prose edits keep outputs in place.
  const cellsKey = useMemo(
    () =>
      lesson
        ? lesson.blocks
            .map((b) => (b.kind === "code" ? `${b.id}\u0000${b.language}\u0000${b.source}` : ""))
            .join("\u0001")
        : "",
    [lesson],
  );

  return (
    <section className="studio-preview" aria-label="Preview" aria-busy={updating}>
      <p className="studio-preview__state" aria-live="polite">
        {state.kind === "loading" || updating
          ? "Updating the preview…"
          : state.kind === "ready"
            ? "Preview up to date"
            : state.kind === "problems"
              ? "The preview shows the last version without problems"
              : `Preview not updated: ${state.message}`}
      </p>
      {state.kind === "problems" ? (
        <ProblemList problems={state.problems} onJump={onJump} label="Problems in the preview" />
      ) : null}
      {lesson ? (
        <div className="studio-preview__lesson">
          <h2 className="studio-preview__title">{lesson.meta.title}</h2>
          <NotebookView key={cellsKey} lesson={lesson} exercises={{}} preview />
        </div>
      ) : null}
    </section>
  );
}
