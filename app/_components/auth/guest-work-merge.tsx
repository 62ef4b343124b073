"use client";

import { useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";

import { findGuestWork, type GuestLessonWork } from "@/lib/notebook/guest-work";
import {
  collectGuestProgress,
  forgetMergedProgress,
  type GuestProgress,
} from "@/lib/progress/guest-progress";
import { describeGuestWork, describeMerge, type MergeCounts } from "@/lib/progress/merge-message";

const dismissedKey = (userId: string) => `ketbook:guest-merge-dismissed:${userId}`;

interface GuestWork {
  readonly code: GuestLessonWork[];
  readonly progress: GuestProgress;
}

interface MergeResponse extends MergeCounts {
  readonly settled: { readonly exercises: string[]; readonly quizzes: string[] };
  readonly error?: { message: string };
}

const isEmpty = ({ code, progress }: GuestWork) =>
  code.length === 0 &&
  progress.lessons.length === 0 &&
  progress.exercises.length === 0 &&
  progress.quizzes.length === 0;

/** The request body: what the guest did, never what the browser thinks the results were. */
function mergeRequest({ code, progress }: GuestWork) {
  return {
    cells: code.map((lesson) => ({
      courseId: lesson.courseId,
      lessonId: lesson.lessonId,
      cells: lesson.cells.map(({ cellId, source, editedAt }) => ({ cellId, source, editedAt })),
    })),
    lessons: progress.lessons.map(({ courseId, lessonId }) => ({ courseId, lessonId })),
    exercises: progress.exercises.map(({ key: _key, ...exercise }) => exercise),
    quizzes: progress.quizzes.map(({ courseId, lessonId, attemptKey, answers }) => ({
      courseId,
      lessonId,
      attemptKey,
      answers,
    })),
  };
}

/**
 * After signing up or in, offers to keep everything done as a guest in this browser: code (the
 * newer edit of each cell wins), completed lessons, solved exercises and quiz attempts (both
 * graded again by the server), and the questions missed, which join the review. Then says
 * exactly what reached the account.
 */
export function GuestWorkMerge() {
  const { data } = useSession();
  const router = useRouter();
  const userId = (data?.user as { id?: string } | undefined)?.id;
  const [work, setWork] = useState<GuestWork | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!userId || localStorage.getItem(dismissedKey(userId))) return;
    const found = {
      code: findGuestWork(localStorage),
      progress: collectGuestProgress(localStorage),
    };
    // Reading localStorage is only possible after hydration; the banner then appears.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setWork(isEmpty(found) ? null : found);
  }, [userId]);

  if (message) {
    return (
      <p className="banner" role="status">
        {message}
      </p>
    );
  }
  if (!userId || !work) return null;
  const offered = describeGuestWork({
    cells: work.code.reduce((sum, w) => sum + w.cells.length, 0),
    cellLessons: work.code.length,
    lessons: work.progress.lessons.length,
    exercises: work.progress.exercises.length,
    quizAttempts: work.progress.quizzes.length,
  });

  async function merge(current: GuestWork) {
    setBusy(true);
    let report: MergeResponse;
    try {
      const response = await fetch("/api/progress/merge", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(mergeRequest(current)),
      });
      report = (await response.json()) as MergeResponse;
      if (!response.ok || report.error) {
        setMessage(
          `Nothing was merged: ${report.error?.message ?? `the server answered ${response.status}`}. Your work is still in this browser; reload to try again.`,
        );
        return;
      }
    } catch (caught) {
      setMessage(
        `Nothing was merged: could not reach the server (${(caught as Error).message}). Your work is still in this browser; reload to try again.`,
      );
      return;
    } finally {
      setBusy(false);
    }
    // Forget only what the account now holds; anything not merged stays for the next try.
    for (const lesson of current.code)
      for (const cell of lesson.cells) localStorage.removeItem(cell.key);
    forgetMergedProgress(localStorage, current.progress, { ...report.settled, lessons: true });
    setWork(null);
    setMessage(describeMerge(report));
    // The page under the banner was rendered before the merge: show it with the merged work.
    router.refresh();
  }

  return (
    <section className="banner" aria-label="Work from before you signed in">
      <p>This browser has work from before you signed in: {offered}. Keep it in your account?</p>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={busy}
        onClick={() => void merge(work)}
      >
        {busy ? "Merging…" : "Keep it in my account"}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => {
          localStorage.setItem(dismissedKey(userId), String(Date.now()));
          setWork(null);
        }}
      >
        Not now
      </button>
    </section>
  );
}
