"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";

const HEARTBEAT_SECONDS = 60;

async function postLessonEvent(body: Record<string, unknown>): Promise<boolean> {
  const response = await fetch("/api/progress/lessons", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return response.ok;
}

/**
 * For signed-in learners: counts reading time while the page is visible (a minute at a time),
 * and offers to mark the lesson complete.
 */
export function LessonProgress({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { status } = useSession();
  const [completed, setCompleted] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (status !== "authenticated") return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") {
        void postLessonEvent({ event: "visit", courseId, lessonId, seconds: HEARTBEAT_SECONDS });
      }
    }, HEARTBEAT_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [status, courseId, lessonId]);

  if (status !== "authenticated") return null;
  return (
    <div className="lesson-progress">
      {completed ? (
        <p role="status">✓ Lesson completed — it counts towards your skills.</p>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setCompleted(await postLessonEvent({ event: "complete", courseId, lessonId }));
            setBusy(false);
          }}
        >
          Mark lesson complete
        </button>
      )}
    </div>
  );
}
