"use client";

import dynamic from "next/dynamic";

import type { SourceEditorProps } from "./source-editor";

/**
 * The studio's source editor, with Monaco loaded on the client only. Until it is there, a
 * read-only copy of the text holds its place, so the page paints at once.
 */
export const LazySourceEditor = dynamic<SourceEditorProps>(
  () => import("./source-editor").then((m) => m.SourceEditor),
  {
    ssr: false,
    loading: () => (
      <div className="studio-source studio-source--loading" aria-busy="true">
        <p>Loading the editor…</p>
      </div>
    ),
  },
);
