"use client";
import { type RefObject, useLayoutEffect, useRef } from "react";

/**
 * A ref that holds the value of the latest render. Handlers registered once on a long-lived
 * object (a Monaco editor) read it, so a parent's callbacks, new on every render, are never
 * called stale and never force the object to be rebuilt.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}
