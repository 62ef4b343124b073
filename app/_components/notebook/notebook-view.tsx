import type { Lesson } from "@/lib/notebook/types";

import { ExperimentCell } from "./experiment-cell";
import { NotebookProvider } from "./notebook-context";
import { NotebookToolbar } from "./notebook-toolbar";
import { type ExerciseInfo, RunnableCell } from "./runnable-cell";

/**
 * The body of a lesson: prose blocks (pre-rendered HTML from our content pipeline) between
 * runnable cells. Prose stays server-rendered; only cells and the toolbar hydrate.
 */
export function NotebookView({
  lesson,
  exercises,
  preview = false,
}: {
  lesson: Lesson;
  exercises: Readonly<Record<string, ExerciseInfo>>;
  /** The studio's preview: cells run, nothing is saved or recorded, no download. */
  preview?: boolean;
}) {
  const cells = lesson.blocks.flatMap((b) =>
    b.kind === "code" ? [{ id: b.id, source: b.source, language: b.language }] : [],
  );
  let cellNumber = 0;
  return (
    <NotebookProvider
      courseId={lesson.meta.courseId}
      lessonId={lesson.meta.id}
      cells={cells}
      preview={preview}
    >
      <NotebookToolbar downloadName={preview ? null : lesson.meta.slug} />
      <div className="notebook">
        {lesson.blocks.map((block, index) =>
          block.kind === "prose" ? (
            // Rendered at build time by lib/notebook (raw HTML dropped, sanitized, KaTeX math).
            <div key={index} className="prose" dangerouslySetInnerHTML={{ __html: block.html }} />
          ) : block.language === "experiment" ? (
            <ExperimentCell
              key={block.id}
              id={block.id}
              index={++cellNumber}
              exercise={block.exercise ? exercises[block.id] : undefined}
              courseId={lesson.meta.courseId}
              lessonId={lesson.meta.id}
            />
          ) : (
            <RunnableCell
              key={block.id}
              id={block.id}
              index={++cellNumber}
              exercise={block.exercise ? exercises[block.id] : undefined}
              courseId={lesson.meta.courseId}
              lessonId={lesson.meta.id}
            />
          ),
        )}
      </div>
    </NotebookProvider>
  );
}
