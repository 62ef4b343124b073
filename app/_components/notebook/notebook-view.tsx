import type { Lesson } from "@/lib/notebook/types";

import { CodeCell } from "./code-cell";

/** The body of a lesson: prose blocks (pre-rendered HTML from our content pipeline) and cells. */
export function NotebookView({ lesson }: { lesson: Lesson }) {
  let cellNumber = 0;
  return (
    <div className="notebook">
      {lesson.blocks.map((block, index) =>
        block.kind === "prose" ? (
          // Rendered at build time by lib/notebook (raw HTML dropped, sanitized, KaTeX math).
          <div key={index} className="prose" dangerouslySetInnerHTML={{ __html: block.html }} />
        ) : (
          <CodeCell key={block.id} cell={block} index={++cellNumber} />
        ),
      )}
    </div>
  );
}
