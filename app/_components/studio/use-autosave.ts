"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";

import {
  DraftSaver,
  draftStorageKey,
  SAVE_STATUS_TEXT,
  type SaverSnapshot,
  type SaveStatus,
} from "@/lib/studio/draft-saver";

import { saveDraftFile } from "./draft-api";

export interface AutosaveApi extends SaverSnapshot {
  /** What the status line says, e.g. "Saved" or "Not saved — retrying (kept in this browser)". */
  readonly statusText: string;
  edit(text: string): void;
  /** Save now: on blur, or Ctrl+S. */
  flush(): void;
  keepMine(): void;
  useTheirs(): void;
  restoreLocal(): void;
  discardLocal(): void;
}

function browserStorage() {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function statusText(status: SaveStatus, message: string | null): string {
  return status === "rejected"
    ? `Not saved: ${message ?? "the server refused it"}`
    : SAVE_STATUS_TEXT[status];
}

/**
 * Autosave for one file of a course draft through the PUT draft route (see DraftSaver for the
 * rules). While anything typed is not on the server, leaving the page asks first.
 */
export function useAutosave({
  courseId,
  name,
  initialText,
  initialRevision,
}: {
  courseId: string;
  name: string;
  initialText: string;
  initialRevision: number;
}): AutosaveApi {
  const [saver] = useState(
    () =>
      new DraftSaver({
        initialText,
        initialRevision,
        save: (text, baseRevision) => saveDraftFile(courseId, name, text, baseRevision),
        storage: browserStorage(),
        storageKey: draftStorageKey(courseId, name),
      }),
  );
  // The server render cannot see local storage, so it (and hydration) shows no local copy; the
  // browser's snapshot brings the restore offer in right after.
  const [serverSnapshot] = useState<SaverSnapshot>(() => ({
    ...saver.snapshot(),
    localCopy: null,
  }));
  const snapshot = useSyncExternalStore(saver.subscribe, saver.snapshot, () => serverSnapshot);

  // Leaving the editor (another page of the site) sends what is pending at once.
  useEffect(() => () => saver.flush(), [saver]);

  useEffect(() => {
    if (!saver.hasUnsavedChanges()) return;
    const warn = (event: BeforeUnloadEvent) => {
      saver.flush();
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saver, snapshot]);

  const edit = useCallback((text: string) => saver.edit(text), [saver]);
  return useMemo(
    () => ({
      ...snapshot,
      statusText: statusText(snapshot.status, snapshot.message),
      edit,
      flush: () => saver.flush(),
      keepMine: () => saver.keepMine(),
      useTheirs: () => saver.useTheirs(),
      restoreLocal: () => saver.restoreLocal(),
      discardLocal: () => saver.discardLocal(),
    }),
    [snapshot, saver, edit],
  );
}
