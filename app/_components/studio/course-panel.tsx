"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type DragEvent, type KeyboardEvent, useState } from "react";

import {
  LEVELS,
  moveLesson,
  newLessonStem,
  readOutline,
  withOutline,
} from "@/lib/studio/course-outline";
import type { Problem } from "@/lib/studio/problem";
import { newLessonText } from "@/lib/studio/templates";

import { ImportLessonForm } from "./import-lesson-form";
import { CourseProblems } from "./course-problems";
import { courseApi, studioRequest } from "./studio-request";

export interface CoursePanelProps {
  readonly courseId: string;
  readonly revision: number;
  readonly courseYaml: string;
  /** Lesson titles by stem, from each lesson's front matter. */
  readonly lessonTitles: Readonly<Record<string, string>>;
  readonly lessonFiles: readonly string[];
  readonly problems: readonly Problem[];
}

type Saved = { revision: number; problems: Problem[] };

/**
 * A course's outline, edited in place: its title, summary and level, and its lessons (added,
 * removed, and put in order by dragging or with Alt+↑/↓). Each change is saved at once as an
 * edit of course.yaml, the same file the text editor shows.
 */
export function CoursePanel(props: CoursePanelProps) {
  const router = useRouter();
  const [revision, setRevision] = useState(props.revision);
  const [courseYaml, setCourseYaml] = useState(props.courseYaml);
  const [problems, setProblems] = useState<readonly Problem[]>(props.problems);
  const [status, setStatus] = useState("");
  const [dragged, setDragged] = useState<number | null>(null);
  const outline = readOutline(courseYaml);

  async function save(
    name: string,
    text: string | null,
    base = revision,
  ): Promise<number | undefined> {
    setStatus("Saving…");
    const answer = await studioRequest<Saved>(
      courseApi(props.courseId, "draft", "files", name),
      text === null ? "DELETE" : "PUT",
      text === null ? { baseRevision: base } : { text, baseRevision: base },
    );
    if (!answer.ok) {
      setStatus(
        answer.status === 409
          ? `${name} was changed elsewhere: reload the page to see the latest version.`
          : answer.message,
      );
      return undefined;
    }
    setRevision(answer.data.revision);
    setProblems(answer.data.problems);
    setStatus("Saved");
    return answer.data.revision;
  }

  async function saveOutline(changes: Parameters<typeof withOutline>[1]) {
    const text = withOutline(courseYaml, changes);
    if ((await save("course.yaml", text)) !== undefined) {
      setCourseYaml(text);
      router.refresh();
    }
  }

  async function addLesson(title: string) {
    const stem = newLessonStem(outline.lessons, title);
    const slug = stem.slice(3);
    const lesson = newLessonText({
      id: `${props.courseId}-${slug}`.slice(0, 100),
      title: JSON.stringify(title.trim()),
      skills: ["qubits-superposition"],
      cellId: `${props.courseId}-${slug}-first-circuit`,
    });
    const base = await save(`${stem}.md`, lesson);
    if (base === undefined) return;
    const text = withOutline(courseYaml, { lessons: [...outline.lessons, stem] });
    if ((await save("course.yaml", text, base)) !== undefined) {
      setCourseYaml(text);
      router.refresh();
    }
  }

  async function removeLesson(stem: string) {
    if (
      !window.confirm(`Delete the lesson ${stem} and its exercise and quiz files from the draft?`)
    )
      return;
    const text = withOutline(courseYaml, { lessons: outline.lessons.filter((s) => s !== stem) });
    let base = await save("course.yaml", text);
    if (base === undefined) return;
    setCourseYaml(text);
    for (const name of props.lessonFiles.filter((f) => f.startsWith(`${stem}.`))) {
      base = await save(name, null, base);
      if (base === undefined) return;
    }
    router.refresh();
  }

  const move = (from: number, to: number) =>
    saveOutline({ lessons: moveLesson(outline.lessons, from, to) });

  function onKeyDown(event: KeyboardEvent, index: number) {
    if (!event.altKey) return;
    if (event.key === "ArrowUp" && index > 0) {
      event.preventDefault();
      void move(index, index - 1);
    } else if (event.key === "ArrowDown" && index < outline.lessons.length - 1) {
      event.preventDefault();
      void move(index, index + 1);
    }
  }

  function onDrop(event: DragEvent, index: number) {
    event.preventDefault();
    if (dragged !== null && dragged !== index) void move(dragged, index);
    setDragged(null);
  }

  return (
    <div className="course-panel">
      <p role="status" aria-live="polite" className="save-state">
        {status}
      </p>
      {problems.length ? (
        <section aria-labelledby="draft-problems" className="problems">
          <h2 id="draft-problems">To fix before publishing</h2>
          <CourseProblems problems={problems} />
        </section>
      ) : null}

      <form
        aria-label="Course details"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void saveOutline({
            title: String(form.get("title")),
            summary: String(form.get("summary")),
            level: String(form.get("level")),
          });
        }}
      >
        <h2>Course details</h2>
        <label>
          Title
          <input name="title" defaultValue={outline.title} required maxLength={120} />
        </label>
        <label>
          Summary
          <textarea name="summary" defaultValue={outline.summary} required rows={3} />
        </label>
        <label>
          Level
          <select name="level" defaultValue={outline.level}>
            {LEVELS.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Save details
        </button>
      </form>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title">Lessons</h2>
        {outline.lessons.length === 0 ? (
          <p>No lessons yet: add the first one below.</p>
        ) : (
          <>
            <p className="meta">
              Drag a lesson, or focus it and press Alt+↑ or Alt+↓, to change the order.
            </p>
            <ol className="lesson-outline">
              {outline.lessons.map((stem, index) => (
                <li
                  key={stem}
                  draggable
                  tabIndex={0}
                  aria-label={`${index + 1}. ${props.lessonTitles[stem] ?? stem}`}
                  onDragStart={() => setDragged(index)}
                  onDragOver={(event) => event.preventDefault()}
                  onDrop={(event) => onDrop(event, index)}
                  onKeyDown={(event) => onKeyDown(event, index)}
                >
                  <span className="lesson-outline__title">
                    {props.lessonTitles[stem] ?? stem} <code>{stem}.md</code>
                  </span>
                  <span className="lesson-outline__actions">
                    <Link href={`/studio/courses/${props.courseId}/lessons/${stem}`}>Edit</Link>
                    <Link href={`/studio/courses/${props.courseId}/preview/${stem}`}>Preview</Link>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === 0}
                      aria-label={`Move ${stem} up`}
                      onClick={() => void move(index, index - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={index === outline.lessons.length - 1}
                      aria-label={`Move ${stem} down`}
                      onClick={() => void move(index, index + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Delete ${stem}`}
                      onClick={() => void removeLesson(stem)}
                    >
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
        <form
          aria-label="Add a lesson"
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const title = String(new FormData(form).get("lessonTitle") ?? "").trim();
            if (title) void addLesson(title).then(() => form.reset());
          }}
        >
          <label>
            New lesson title
            <input name="lessonTitle" required maxLength={100} />
          </label>
          <button type="submit" className="button">
            Add lesson
          </button>
        </form>
        <details>
          <summary>Import a lesson from a Jupyter notebook</summary>
          <ImportLessonForm courseId={props.courseId} />
        </details>
        <p>
          <a href={`/api/studio/courses/${props.courseId}/archive`} download>
            Download the draft as a zip
          </a>{" "}
          (the content/ format: unzip it into content/courses/ to ship it with Ketbook).
        </p>
      </section>
    </div>
  );
}
