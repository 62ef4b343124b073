"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * `n` and `p` move to the next and previous lesson, as in many readers. Ignored while typing in
 * an editor or a form field, and when a modifier key is held (so browser shortcuts still work).
 * While the keys are live, <html> carries where they lead (`data-pager-next`, `data-pager-previous`):
 * a key pressed before the page has hydrated does nothing, and this says when it will.
 */
export function PagerShortcuts({ previous, next }: { previous?: string; next?: string }) {
  const router = useRouter();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true], .monaco-editor"))
        return;
      const destination = event.key === "n" ? next : event.key === "p" ? previous : undefined;
      if (!destination) return;
      event.preventDefault();
      router.push(destination);
    }
    const root = document.documentElement;
    window.addEventListener("keydown", onKeyDown);
    root.dataset.pagerNext = next ?? "";
    root.dataset.pagerPrevious = previous ?? "";
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      delete root.dataset.pagerNext;
      delete root.dataset.pagerPrevious;
    };
  }, [router, previous, next]);
  return null;
}
