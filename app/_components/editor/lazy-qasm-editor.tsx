"use client";

import "./qasm-editor.css";

import dynamic from "next/dynamic";
import { createContext, useContext, useEffect, useRef, useState } from "react";

import type { QasmEditorProps } from "./qasm-editor";
import { QasmStaticCode } from "./qasm-static-code";

/**
 * The notebook's code editor, loaded only when it is about to be used.
 *
 * Until then the cell shows QasmStaticCode: the same highlighted code the server rendered, laid
 * out exactly like the editor, so the page paints without Monaco (about 3 MB of JavaScript,
 * 0.7 MB gzipped, plus 120 kB of CSS) and nothing moves when the editor takes over.
 *
 * When Monaco loads — the choice and why:
 * - as soon as the reader touches a cell (pointer down, focus, a key): they want to edit now;
 *   the click position is passed on so the cursor lands where they clicked;
 * - otherwise when the cell comes within about a screen of the viewport AND the browser is idle.
 *   Idle keeps the download off the critical path (first paint, hydration, the first
 *   scroll); visibility keeps a long lesson from building twenty editors nobody looks at. The
 *   Monaco chunk is shared, so the first visible cell pays for the download and the others only
 *   build their editor when they are scrolled near.
 */

interface StandIn {
  source: string;
  label: string;
}

/** The stand-in's props, for next/dynamic's loading view (which receives no props of its own). */
const StandInContext = createContext<StandIn>({ source: "", label: "" });

function LoadingStandIn() {
  const { source, label } = useContext(StandInContext);
  return (
    <div className="qasm-editor">
      <QasmStaticCode source={source} label={label} />
    </div>
  );
}

const QasmEditor = dynamic(() => import("./qasm-editor").then((m) => m.QasmEditor), {
  ssr: false,
  loading: LoadingStandIn,
});

/** How far below (or above) the viewport a cell starts loading its editor. */
const NEAR_VIEWPORT = "100% 0px";
/** Longest wait for an idle moment before loading anyway. */
const IDLE_TIMEOUT_MS = 2000;

function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: a short timeout after hydration is the nearest thing.
  const handle = window.setTimeout(callback, 200);
  return () => window.clearTimeout(handle);
}

interface LoadRequest {
  /** True when the reader asked for the editor (click, focus, key), so it takes focus. */
  focus: boolean;
  point?: { x: number; y: number };
}

export function LazyQasmEditor(props: QasmEditorProps) {
  const slotRef = useRef<HTMLDivElement>(null);
  const [request, setRequest] = useState<LoadRequest | null>(null);
  const load = request !== null;
  const { onReady } = props;

  useEffect(() => {
    const slot = slotRef.current;
    if (load || !slot) return;
    let cancelIdle: (() => void) | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        cancelIdle = whenIdle(() => setRequest((current) => current ?? { focus: false }));
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.observe(slot);
    return () => {
      observer.disconnect();
      cancelIdle?.();
    };
  }, [load]);

  const loadForUse = (point?: { x: number; y: number }) => {
    if (!load) setRequest({ focus: true, point });
  };

  // Until Monaco is there, "focus the editor" means: load it and focus it once it exists.
  // QasmEditor calls onReady again with a direct focus function when it is created.
  useEffect(() => {
    if (!load) onReady?.(() => setRequest((current) => current ?? { focus: true }));
  }, [load, onReady]);

  return (
    <div
      ref={slotRef}
      className="qasm-editor-slot"
      onPointerDown={(event) => loadForUse({ x: event.clientX, y: event.clientY })}
      onFocus={() => loadForUse()}
      onKeyDown={() => loadForUse()}
    >
      <StandInContext value={{ source: props.value, label: props.ariaLabel }}>
        {load ? (
          <QasmEditor {...props} autoFocus={request.focus} focusPoint={request.point} />
        ) : (
          <div className="qasm-editor">
            <QasmStaticCode source={props.value} label={props.ariaLabel} />
          </div>
        )}
      </StandInContext>
    </div>
  );
}
