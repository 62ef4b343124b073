"use client";

import { useCallback, useEffect, useRef } from "react";

import { useNotebook } from "./notebook-context";

/**
 * Lets the notebook move keyboard focus into cell `id` (Shift+Enter runs a cell and focuses the
 * next one, as in Jupyter): the cell's container until its editor has loaded, then the editor,
 * which hands its focus function over through `onEditorReady`.
 */
export function useCellFocus(id: string) {
  const { registerFocus } = useNotebook();
  const containerRef = useRef<HTMLElement>(null);
  const focusEditor = useRef<() => void>(() => containerRef.current?.focus());
  useEffect(() => registerFocus(id, () => focusEditor.current()), [registerFocus, id]);
  const onEditorReady = useCallback((focus: () => void) => {
    focusEditor.current = focus;
  }, []);
  return { containerRef, onEditorReady };
}
