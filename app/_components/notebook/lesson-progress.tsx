"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";

import { formatDay } from "@/lib/progress/format-day";

import { useLessonProgress } from "../progress/lesson-progress-context";

const HEARTBEAT_SECONDS = 60;

async function postLessonEvent(body: Record<string, unknown>): Promise<Response | null> {
  try {
    return await fetch("/api/progress/lessons", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return null;
  }
}

/**
 * Offers to mark the lesson complete, and once it is, says so (with the date) on every later
 * visit: from the account for signed-in learners, from this browser for guests. For signed-in
 * learners it also counts reading time while the page is visible (a minute at a time).
 */
export function LessonProgress({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { status } = useSession();
  const progress = useLessonProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (status !== "authenticated") return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") {
        void postLessonEvent({ event: "visit", courseId, lessonId, seconds: HEARTBEAT_SECONDS });
      }
    }, HEARTBEAT_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [status, courseId, lessonId]);

  if (!progress) return null;
  const { completedAt } = progress.state;

  async function complete() {
    if (!progress) return;
    if (!progress.signedIn) {
      progress.completed(new Date().toISOString());
      return;
    }
    setBusy(true);
    setError(null);
    const response = await postLessonEvent({ event: "complete", courseId, lessonId });
    setBusy(false);
    if (!response?.ok) {
      setError("Could not save that; try again.");
      return;
    }
    const body = (await response.json()) as { completedAt?: string };
    progress.completed(body.completedAt ?? new Date().toISOString());
  }

  return (
    <div className="lesson-progress">
      {completedAt ? (
        <p role="status">
          ✓ Lesson completed on <time dateTime={completedAt}>{formatDay(completedAt)}</time>
          {progress.signedIn
            ? " — it counts towards your skills."
            : " — kept in this browser until you sign in."}
        </p>
      ) : (
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void complete()}
          >
            Mark lesson complete
          </button>
          {error ? <p role="alert">{error}</p> : null}
        </>
      )}
    </div>
  );
}
