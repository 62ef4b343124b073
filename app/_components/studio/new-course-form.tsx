"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { kebabSlug } from "@/lib/studio/course-outline";

import { studioRequest } from "./studio-request";

/** Starts a course: a title and the id its links will use (editable, suggested from the title). */
export function NewCourseForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [id, setId] = useState("");
  const [idEdited, setIdEdited] = useState(false);
  const [message, setMessage] = useState("");
  const shownId = idEdited ? id : kebabSlug(title, 60);
  return (
    <form
      aria-label="Start a course"
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        setMessage("Creating…");
        const answer = await studioRequest<{ id: string }>("/api/studio/courses", "POST", {
          id: shownId,
          title,
        });
        if (answer.ok) router.push(`/studio/courses/${answer.data.id}`);
        else setMessage(answer.message);
      }}
    >
      <label>
        Course title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} />
      </label>
      <label>
        Course id (in links: /learn/<em>id</em>)
        <input
          value={shownId}
          onChange={(e) => {
            setIdEdited(true);
            setId(e.target.value);
          }}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          maxLength={60}
        />
      </label>
      <button type="submit" className="button button--primary">
        Create course
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
