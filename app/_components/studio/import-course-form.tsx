"use client";

import { UploadForm } from "./upload-form";

/** Uploads a course zip; an optional new id for a course whose id is taken. */
export function ImportCourseForm() {
  return (
    <UploadForm
      label="Import a course"
      accept=".zip,application/zip"
      submit="Import course"
      url={(fields) => {
        const id = String(fields.get("id") ?? "").trim();
        return `/api/studio/courses/import${id ? `?id=${encodeURIComponent(id)}` : ""}`;
      }}
      then={(answer) => `/studio/courses/${answer.id}`}
    >
      <label>
        New course id (optional)
        <input name="id" pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={60} />
      </label>
    </UploadForm>
  );
}
