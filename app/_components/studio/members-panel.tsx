"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { courseApi, studioRequest } from "./studio-request";

interface Member {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** Co-instructors edit the course and see its learners; the owner (or an admin) manages them. */
export function MembersPanel({
  courseId,
  owner,
  members,
  canManage,
}: {
  courseId: string;
  owner: string;
  members: readonly Member[];
  canManage: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");

  async function change(url: string, method: "POST" | "DELETE", body?: unknown) {
    const answer = await studioRequest<{ members: Member[] }>(url, method, body);
    setMessage(answer.ok ? "Co-instructors updated." : answer.message);
    if (answer.ok) router.refresh();
    return answer.ok;
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Instructors</h2>
      <ul>
        <li>{owner} (owner)</li>
        {members.map((m) => (
          <li key={m.id}>
            {m.name} <span className="meta">{m.email}</span>{" "}
            {canManage ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => void change(courseApi(courseId, "members", m.id), "DELETE")}
              >
                Remove {m.name}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {members.length === 0 ? <p>No co-instructors yet.</p> : null}
      {canManage ? (
        <form
          aria-label="Add a co-instructor"
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const email = String(new FormData(form).get("email") ?? "");
            void change(courseApi(courseId, "members"), "POST", { email }).then(
              (ok) => ok && form.reset(),
            );
          }}
        >
          <label>
            Instructor&apos;s email
            <input name="email" type="email" required />
          </label>
          <button type="submit" className="button">
            Add co-instructor
          </button>
        </form>
      ) : null}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
