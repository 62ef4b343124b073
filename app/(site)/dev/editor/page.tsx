import type { Metadata } from "next";

import { EditorDemo } from "./editor-demo";

export const metadata: Metadata = {
  title: "Editor playground",
  description:
    "Two OpenQASM editors and a run log, for trying the notebook editor by hand and in tests.",
  robots: { index: false },
};

/** A page to try the notebook's editor by hand; the end-to-end tests drive it too. */
export default function EditorPlaygroundPage() {
  return (
    <article className="lesson">
      <h1>Editor playground</h1>
      <p className="lead">
        Shift+Enter runs a cell and moves on, Ctrl+Enter runs it and stays, Escape leaves the
        editor. Runs are only logged here.
      </p>
      <EditorDemo />
    </article>
  );
}
