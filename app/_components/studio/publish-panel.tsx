"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { Problem } from "@/lib/studio/problem";

import { CourseProblems } from "./course-problems";
import { courseApi, studioRequest } from "./studio-request";

export interface VersionSummary {
  readonly version: number;
  readonly note: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * Publishing and the version history: learners only ever see the published version; each
 * publication is kept, can be compared with the draft, and can be rolled back to.
 */
export function PublishPanel({
  courseId,
  published,
  versions,
}: {
  courseId: string;
  published: number | null;
  versions: readonly VersionSummary[];
}) {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);

  async function publish(note: string) {
    setBusy(true);
    const answer = await studioRequest<{ version: number }>(
      courseApi(courseId, "publish"),
      "POST",
      { note },
    );
    setBusy(false);
    if (answer.ok) {
      setProblems([]);
      setMessage(`Published version ${answer.data.version}: learners see it now.`);
      router.refresh();
    } else {
      setProblems((answer.detail.problems as Problem[] | undefined) ?? []);
      setMessage(answer.message);
    }
  }

  async function rollBack(version: number) {
    if (!window.confirm(`Publish version ${version} again and make it the draft?`)) return;
    setBusy(true);
    const answer = await studioRequest<{ version: number }>(
      courseApi(courseId, "rollback"),
      "POST",
      { version },
    );
    setBusy(false);
    setMessage(
      answer.ok
        ? `Rolled back: version ${version} is published again as version ${answer.data.version}.`
        : answer.message,
    );
    if (answer.ok) router.refresh();
  }

  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">Publish</h2>
      <p>
        {published === null
          ? "Not published yet: learners cannot see this course."
          : `Learners see version ${published}. Edits stay in the draft until you publish again.`}
      </p>
      <form
        aria-label="Publish the draft"
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void publish(String(new FormData(event.currentTarget).get("note") ?? ""));
        }}
      >
        <label>
          What changed (optional)
          <input name="note" maxLength={500} />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          Publish
        </button>
      </form>
      <p role="status" aria-live="polite">
        {message}
      </p>
      <CourseProblems problems={problems} />
      {published !== null ? (
        <p>
          <Link href={`/learn/${courseId}`}>Open the published course</Link>
        </p>
      ) : null}

      <h3>Version history</h3>
      {versions.length === 0 ? (
        <p>No versions yet: the first publication starts the history.</p>
      ) : (
        <table className="data-table">
          <caption>Published versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">Note</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  {v.version}
                  {v.version === published ? " (live)" : ""}
                </th>
                <td>
                  {timeFormat.format(new Date(v.createdAt))}
                  {v.createdBy ? ` by ${v.createdBy}` : ""}
                </td>
                <td>{v.note}</td>
                <td>
                  <Link href={`/studio/courses/${courseId}/changes?from=${v.version}&to=draft`}>
                    Compare with draft
                  </Link>{" "}
                  <a href={`/api/studio/courses/${courseId}/archive?version=${v.version}`} download>
                    Zip of version {v.version}
                  </a>{" "}
                  {v.version !== published ? (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      onClick={() => void rollBack(v.version)}
                    >
                      Roll back to version {v.version}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
