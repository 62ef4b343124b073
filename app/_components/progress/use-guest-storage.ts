"use client";

import { useCallback, useRef, useSyncExternalStore } from "react";

/** Fired in this tab after a guest's progress is written (other tabs get "storage" events). */
const GUEST_PROGRESS_EVENT = "ketbook:guest-progress";

export function notifyGuestProgress(): void {
  window.dispatchEvent(new Event(GUEST_PROGRESS_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(GUEST_PROGRESS_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(GUEST_PROGRESS_EVENT, onChange);
  };
}

/**
 * A value read from this browser's storage, kept current as this or another tab writes it.
 * Null on the server and during hydration (the server cannot see a guest's storage), and when
 * `enabled` is false (signed-in learners' progress comes from the server). `read` must be stable.
 */
export function useGuestValue<T>(read: (storage: Storage) => T, enabled: boolean): T | null {
  const cache = useRef<{ text: string; value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    if (!enabled) return null;
    const value = read(window.localStorage);
    // The same content must be the same object, or React would render forever.
    const text = JSON.stringify(value);
    if (cache.current?.text !== text) cache.current = { text, value };
    return cache.current.value;
  }, [enabled, read]);
  return useSyncExternalStore(subscribe, getSnapshot, () => null);
}
