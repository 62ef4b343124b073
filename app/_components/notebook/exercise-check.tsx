"use client";

import { useState } from "react";

import { CellError } from "../outputs";
import { useLessonProgress } from "../progress/lesson-progress-context";
import { type CheckResponse, ExerciseFeedbackView } from "./exercise-feedback";
import { useNotebook } from "./notebook-context";

const guestFailuresKey = (courseId: string, cellId: string) =>
  `ketbook:guest-failures:${courseId}/${cellId}`;

/** "Check my answer" for an exercise cell: grading happens on the server. */
export function ExerciseCheck(props: { courseId: string; lessonId: string; cellId: string }) {
  // An unpublished draft has no checks on the server yet; the author sees where the button goes.
  if (useNotebook().preview) {
    return <p className="meta">Learners check their answer here once the course is published.</p>;
  }
  return <ExerciseChecker {...props} />;
}

function ExerciseChecker({
  courseId,
  lessonId,
  cellId,
}: {
  courseId: string;
  lessonId: string;
  cellId: string;
}) {
  const notebook = useNotebook();
  const progress = useLessonProgress();
  const [busy, setBusy] = useState(false);
  const [response, setResponse] = useState<CheckResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setBusy(true);
    setError(null);
    const source = notebook.state.cells[cellId].source;
    const guestFailedAttempts = Number(
      localStorage.getItem(guestFailuresKey(courseId, cellId)) ?? 0,
    );
    const attemptKey = crypto.randomUUID();
    try {
      const result = await fetch("/api/exercises/check", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          courseId,
          lessonId,
          cellId,
          source,
          attemptKey,
          guestFailedAttempts,
        }),
      });
      const payload = (await result.json()) as CheckResponse & { error?: { message: string } };
      if (!result.ok || payload.error) {
        setError(payload.error?.message ?? `The check failed (${result.status}).`);
        return;
      }
      if (!payload.signedIn)
        localStorage.setItem(guestFailuresKey(courseId, cellId), String(payload.failedAttempts));
      setResponse(payload);
      // A guest's pass is kept with its submission, for the account to grade again on merge.
      progress?.exerciseChecked({
        cellId,
        passed: payload.feedback.passed,
        source,
        attemptKey,
        signedIn: Boolean(payload.signedIn),
      });
    } catch (caught) {
      setError(`Could not reach the server: ${(caught as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="exercise-check">
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => void check()}
        disabled={busy}
      >
        {busy ? "Checking…" : "Check my answer"}
      </button>
      {error ? <CellError message={error} /> : null}
      {response ? <ExerciseFeedbackView response={response} /> : null}
    </div>
  );
}
