"use client";

import { UploadForm } from "./upload-form";

/** Uploads a Jupyter notebook as a new lesson at the end of the course; opens its editor. */
export function ImportLessonForm({ courseId }: { courseId: string }) {
  return (
    <UploadForm
      label="Import a lesson from a notebook"
      accept=".ipynb,application/x-ipynb+json"
      submit="Import lesson"
      url={(_fields, name) =>
        `/api/studio/courses/${encodeURIComponent(courseId)}/lessons/import?name=${encodeURIComponent(name)}`
      }
      then={(answer) => `/studio/courses/${courseId}/lessons/${answer.stem}`}
    />
  );
}
