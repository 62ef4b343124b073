"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";

import { findGuestWork, type GuestLessonWork } from "@/lib/notebook/guest-work";

import { pushServerCells } from "../notebook/server-sync";

const dismissedKey = (userId: string) => `ketbook:guest-merge-dismissed:${userId}`;

/**
 * After signing in, offers to keep the code written as a guest in this browser. Merging keeps,
 * for each cell, whichever edit is newer — the account's or the browser's.
 */
export function GuestWorkMerge() {
  const { data } = useSession();
  const userId = (data?.user as { id?: string } | undefined)?.id;
  const [work, setWork] = useState<GuestLessonWork[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!userId || localStorage.getItem(dismissedKey(userId))) return;
    // Reading localStorage is only possible after hydration; the banner then appears.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setWork(findGuestWork(localStorage));
  }, [userId]);

  if (message) {
    return (
      <p className="banner" role="status">
        {message}
      </p>
    );
  }
  if (!userId || work.length === 0) return null;
  const cellCount = work.reduce((sum, w) => sum + w.cells.length, 0);

  async function merge() {
    let merged = 0;
    for (const lesson of work) {
      const cells = lesson.cells.map(({ cellId, source, editedAt }) => ({
        cellId,
        source,
        editedAt,
      }));
      if (await pushServerCells(lesson.courseId, lesson.lessonId, cells)) {
        for (const cell of lesson.cells) localStorage.removeItem(cell.key);
        merged += cells.length;
      }
    }
    setWork([]);
    setMessage(
      merged === cellCount
        ? `Saved ${merged} cells to your account.`
        : `Saved ${merged} of ${cellCount} cells; try again later for the rest.`,
    );
  }

  return (
    <section className="banner" aria-label="Work from before you signed in">
      <p>
        This browser has code you wrote before signing in: {cellCount}{" "}
        {cellCount === 1 ? "cell" : "cells"} in {work.length}{" "}
        {work.length === 1 ? "lesson" : "lessons"}. Keep it in your account?
      </p>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => void merge()}
      >
        Keep it in my account
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          localStorage.setItem(dismissedKey(userId), String(Date.now()));
          setWork([]);
        }}
      >
        Not now
      </button>
    </section>
  );
}
