"use client";

import "./studio.css";

import GithubSlugger from "github-slugger";
import { useCallback, useId, useMemo, useRef, useState } from "react";
import { parse as parseYaml } from "yaml";

import type { Problem } from "@/lib/studio/draft-saver";
import {
  addCell,
  cellAtLine,
  cellLines,
  deleteCell,
  duplicateCell,
  joinLesson,
  moveCell,
  type SplitLesson,
  slugOfStem,
  splitLesson,
} from "@/lib/studio/lesson-source";
import {
  CHECK_KINDS,
  exerciseTemplate,
  newExercisesFile,
  newQuizFile,
  QUESTION_TYPES,
  questionTemplate,
  type Template,
  type TemplateContext,
} from "@/lib/studio/templates";

import { type CellAction, StudioCellToolbar } from "./cell-toolbar";
import { InsertMenu } from "./insert-menu";
import { LazySourceEditor } from "./lazy-source-editor";
import { LessonPreview } from "./lesson-preview";
import { ProblemList } from "./problem-list";
import type { SourceEditorHandle } from "./source-editor";
import { type AutosaveApi, useAutosave } from "./use-autosave";

export interface LessonEditorProps {
  courseId: string;
  /** The lesson's file stem, e.g. `01-qubits`. */
  stem: string;
  /** The draft's revision when the page was rendered. */
  revision: number;
  /** The lesson's files in the draft; null for a check file the lesson does not have yet. */
  files: { markdown: string; exercises: string | null; quiz: string | null };
}

type TabId = "lesson" | "exercises" | "quiz";

/** A skill every template can name until the author picks the lesson's own. */
const FALLBACK_SKILLS = ["qubits-superposition"];

/** Worst first: the status line shows the state that most needs the author's attention. */
const STATUS_ORDER = ["conflict", "rejected", "retrying", "saving", "unsaved", "saved"] as const;

function problemsOf(file: string, ...lists: (readonly Problem[])[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const problem of lists.flat()) {
    if (problem.file !== file && !problem.file.endsWith(`/${file}`)) continue;
    const key = `${problem.line}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The skills in the lesson's front matter (for templates), or a valid fallback. */
function lessonSkills(split: SplitLesson): string[] {
  try {
    const yaml = split.frontMatter.replace(/^---\r?\n/, "").replace(/\r?\n---$/, "");
    const skills = (parseYaml(yaml) as { skills?: unknown } | null)?.skills;
    if (Array.isArray(skills) && skills.length > 0 && skills.every((s) => typeof s === "string")) {
      return skills as string[];
    }
  } catch {
    // Front matter being edited: templates use the fallback until it parses again.
  }
  return FALLBACK_SKILLS;
}

/** The first ## or ### heading's anchor (github-slugger, as the renderer), for quiz sections. */
function firstSection(markdown: string): string {
  const heading = /^#{2,3}\s+(.+?)\s*#*\s*$/m.exec(markdown);
  return heading ? new GithubSlugger().slug(heading[1]) : "add-a-section-heading";
}

function freshId(text: string, base: string): string {
  for (let n = 1; ; n++) if (!text.includes(`${base}-${n}`)) return `${base}-${n}`;
}

function appendSnippet(text: string, snippet: string): { text: string; line: number } {
  const base = text === "" || text.endsWith("\n") ? text : `${text}\n`;
  return { text: base + snippet, line: base.split("\n").length };
}

/**
 * The studio's lesson editor: a tab per file of the lesson (its Markdown, its exercises and its
 * quiz), each autosaved; the Markdown beside a live preview, with a toolbar that adds, moves,
 * duplicates and deletes cells; the YAML files with an Insert menu of templates.
 */
export function LessonEditor({ courseId, stem, revision, files }: LessonEditorProps) {
  const names = {
    lesson: `${stem}.md`,
    exercises: `${stem}.exercises.yaml`,
    quiz: `${stem}.quiz.yaml`,
  } as const;
  const markdown = useAutosave({
    courseId,
    name: names.lesson,
    initialText: files.markdown,
    initialRevision: revision,
  });
  const exercises = useAutosave({
    courseId,
    name: names.exercises,
    initialText: files.exercises ?? "",
    initialRevision: revision,
  });
  const quiz = useAutosave({
    courseId,
    name: names.quiz,
    initialText: files.quiz ?? "",
    initialRevision: revision,
  });
  const savers: Record<TabId, AutosaveApi> = { lesson: markdown, exercises, quiz };
  const exists: Record<TabId, boolean> = {
    lesson: true,
    exercises: files.exercises !== null || exercises.text !== "",
    quiz: files.quiz !== null || quiz.text !== "",
  };

  const [tab, setTab] = useState<TabId>("lesson");
  const [previewProblems, setPreviewProblems] = useState<readonly Problem[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const handles = {
    lesson: useRef<SourceEditorHandle | null>(null),
    exercises: useRef<SourceEditorHandle | null>(null),
    quiz: useRef<SourceEditorHandle | null>(null),
  };
  const baseId = useId();
  const slug = slugOfStem(stem);

  const split = useMemo(() => splitLesson(markdown.text), [markdown.text]);
  // Every save reports the whole draft's problems: the newest report is the truth for all files.
  const allSaveProblems = [markdown, exercises, quiz].reduce((newest, saver) =>
    saver.problemsAt > newest.problemsAt ? saver : newest,
  ).problems;
  const otherProblems = allSaveProblems.filter(
    (problem) => !Object.values(names).some((name) => problemsOf(name, [problem]).length > 0),
  );
  const problems: Record<TabId, Problem[]> = {
    lesson: problemsOf(names.lesson, previewProblems, allSaveProblems),
    exercises: problemsOf(names.exercises, allSaveProblems),
    quiz: problemsOf(names.quiz, allSaveProblems),
  };

  const context = (): TemplateContext => {
    const described = new Set(
      [...exercises.text.matchAll(/^\s*-?\s*cell:\s*([a-z0-9-]+)/gm)].map((m) => m[1]),
    );
    const undescribed = split.cells.find((c) => c.exercise && c.id && !described.has(c.id));
    return {
      cellId: undescribed?.id ?? `${slug}-exercise`,
      questionId: freshId(quiz.text, `${slug}-question`),
      section: firstSection(markdown.text),
      skills: lessonSkills(split),
    };
  };

  /** Replace a file's text through its editor (one undoable edit) or, before Monaco is there, directly. */
  const replace = (id: TabId, text: string, line?: number) => {
    const handle = handles[id].current;
    if (handle) handle.replaceAll(text, line);
    else savers[id].edit(text);
  };

  const onCellAction = (action: CellAction) => {
    const line = handles.lesson.current?.cursorLine() ?? 1;
    const at = cellAtLine(split, line);
    let next = split;
    let target = at;
    let message = "";
    const label = (index: number) => {
      const cell = split.cells[index];
      return cell?.id ? `cell ${cell.id}` : "the prose cell";
    };
    switch (action.kind) {
      case "add": {
        const added = addCell(split, at, action.cell, slug);
        next = added.lesson;
        target = added.index;
        const cell = next.cells[target];
        message =
          action.cell === "exercise"
            ? `Added exercise cell ${cell.id}: describe its check in the Exercises tab.`
            : action.cell === "prose"
              ? "Added a prose cell."
              : `Added ${action.cell} cell ${cell.id}.`;
        break;
      }
      case "move": {
        if (at === -1) return setAnnouncement("There is no cell to move.");
        next = moveCell(split, at, action.direction);
        if (next === split) {
          return setAnnouncement(
            `${label(at)} is already ${action.direction === -1 ? "first" : "last"}.`,
          );
        }
        target = at + action.direction;
        message = `Moved ${label(at)} ${action.direction === -1 ? "up" : "down"}.`;
        break;
      }
      case "duplicate":
        if (at === -1) return setAnnouncement("There is no cell to duplicate.");
        next = duplicateCell(split, at, slug);
        target = at + 1;
        message = `Duplicated ${label(at)}${next.cells[target].id ? ` as ${next.cells[target].id}` : ""}.`;
        break;
      case "delete":
        if (at === -1) return setAnnouncement("There is no cell to delete.");
        next = deleteCell(split, at);
        target = Math.min(at, next.cells.length - 1);
        message = `Deleted ${label(at)} (Ctrl+Z in the editor brings it back).`;
        break;
    }
    const lines = cellLines(next);
    replace("lesson", joinLesson(next), lines[target]?.start ?? 1);
    setAnnouncement(message);
  };

  const insert = (id: "exercises" | "quiz", template: Template) => {
    const { text, line } = appendSnippet(savers[id].text, template.text);
    replace(id, text, line);
    handles[id].current?.focus();
    setAnnouncement(`Inserted: ${template.label}.`);
  };

  const create = (id: "exercises" | "quiz") => {
    const text =
      id === "exercises" ? newExercisesFile(context()) : newQuizFile(`${slug}-quiz`, context());
    savers[id].edit(text);
    savers[id].flush();
    setAnnouncement(`Created ${names[id]} from a template.`);
  };

  const jump = useCallback(
    (id: TabId) => (line: number) => {
      setTab(id);
      // The panel is shown on the next render; focus the editor after it.
      requestAnimationFrame(() => handles[id].current?.revealLine(line));
    },
    // handles are refs: stable for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const worst = STATUS_ORDER.find((status) =>
    Object.values(savers).some((saver) => saver.status === status),
  );
  const worstSaver = Object.values(savers).find((saver) => saver.status === worst) ?? markdown;

  const tabs: { id: TabId; label: string }[] = [
    { id: "lesson", label: "Lesson" },
    { id: "exercises", label: "Exercises" },
    { id: "quiz", label: "Quiz" },
  ];
  const tabId = (id: TabId) => `${baseId}-tab-${id}`;
  const panelId = (id: TabId) => `${baseId}-panel-${id}`;

  const editorFor = (id: TabId, language: "markdown" | "yaml", ariaLabel: string) => (
    <>
      <LazySourceEditor
        value={savers[id].text}
        onChange={savers[id].edit}
        onBlur={savers[id].flush}
        onSave={savers[id].flush}
        language={language}
        ariaLabel={ariaLabel}
        problems={problems[id]}
        handleRef={handles[id]}
      />
      <ProblemList problems={problems[id]} onJump={jump(id)} label={`Problems in ${names[id]}`} />
    </>
  );

  return (
    <div className="studio-lesson">
      <div className="studio-lesson__bar">
        <p className="studio-save" role="status" data-status={worst}>
          {worstSaver.statusText}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>

      {otherProblems.length > 0 ? (
        <section className="studio-problems" aria-label="Problems in other files of the course">
          <h3 className="studio-problems__title">Elsewhere in the course</h3>
          <ul>
            {otherProblems.map((problem, index) => (
              <li key={index}>
                {problem.file === ""
                  ? `The course: ${problem.message}`
                  : `${problem.file}, line ${problem.line}: ${problem.message}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {(Object.keys(savers) as TabId[]).map((id) => (
        <FileNotices key={id} name={names[id]} saver={savers[id]} />
      ))}

      <div
        role="tablist"
        aria-label="Lesson files"
        className="studio-tabs"
        onKeyDown={(event) => {
          const order = tabs.map((t) => t.id);
          const at = order.indexOf(tab);
          const next =
            event.key === "ArrowRight"
              ? order[(at + 1) % order.length]
              : event.key === "ArrowLeft"
                ? order[(at - 1 + order.length) % order.length]
                : event.key === "Home"
                  ? order[0]
                  : event.key === "End"
                    ? order[order.length - 1]
                    : null;
          if (!next) return;
          event.preventDefault();
          setTab(next);
          document.getElementById(tabId(next))?.focus();
        }}
      >
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            id={tabId(id)}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={panelId(id)}
            tabIndex={tab === id ? 0 : -1}
            className="studio-tabs__tab"
            onClick={() => setTab(id)}
          >
            {label}
            <span className="studio-tabs__file"> {names[id]}</span>
            {problems[id].length > 0 ? (
              <span className="studio-tabs__count">
                {" "}
                ({problems[id].length} {problems[id].length === 1 ? "problem" : "problems"})
              </span>
            ) : null}
          </button>
        ))}
      </div>

      <div
        role="tabpanel"
        id={panelId("lesson")}
        aria-labelledby={tabId("lesson")}
        hidden={tab !== "lesson"}
        className="studio-panel"
      >
        <StudioCellToolbar onAction={onCellAction} />
        <div className="studio-split">
          <div className="studio-split__source">
            {editorFor("lesson", "markdown", `Markdown of ${names.lesson}`)}
          </div>
          <div className="studio-split__preview">
            <LessonPreview
              courseId={courseId}
              name={names.lesson}
              text={markdown.text}
              onProblems={setPreviewProblems}
              onJump={jump("lesson")}
            />
          </div>
        </div>
      </div>

      {(["exercises", "quiz"] as const).map((id) => (
        <div
          key={id}
          role="tabpanel"
          id={panelId(id)}
          aria-labelledby={tabId(id)}
          hidden={tab !== id}
          className="studio-panel"
        >
          {exists[id] ? (
            <>
              <div className="studio-panel__actions">
                <InsertMenu
                  label={id === "exercises" ? "Insert exercise" : "Insert question"}
                  templates={
                    id === "exercises"
                      ? CHECK_KINDS.map((kind) => exerciseTemplate(kind, context()))
                      : QUESTION_TYPES.map((type) => questionTemplate(type, context()))
                  }
                  onInsert={(template) => insert(id, template)}
                />
              </div>
              {editorFor(id, "yaml", `YAML of ${names[id]}`)}
            </>
          ) : (
            <div className="studio-empty">
              <p>
                {id === "exercises"
                  ? "This lesson has no exercises yet. An exercise grades an exercise cell of the lesson: create the file from a template, then edit its check."
                  : "This lesson has no quiz yet. Create one from a template, then add questions of any type from the Insert menu."}
              </p>
              <button type="button" className="button button--primary" onClick={() => create(id)}>
                {id === "exercises" ? "Create exercises file" : "Create quiz file"}
              </button>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** A file's conflict (keep mine or use theirs) and its restore offer (a copy kept locally). */
function FileNotices({ name, saver }: { name: string; saver: AutosaveApi }) {
  if (saver.status === "conflict") {
    return (
      <div className="notice notice--bad studio-notice" role="alert">
        <p>
          {saver.statusText} ({name}
          {saver.theirs === null ? ", which was deleted there" : ""}).
        </p>
        <button type="button" className="button button--small" onClick={saver.keepMine}>
          Keep mine
        </button>{" "}
        <button type="button" className="button button--small" onClick={saver.useTheirs}>
          Use theirs
        </button>
      </div>
    );
  }
  if (saver.localCopy !== null) {
    return (
      <div className="notice studio-notice" role="region" aria-label={`Unsaved copy of ${name}`}>
        <p>This browser kept a copy of {name} that differs from the saved one.</p>
        <button type="button" className="button button--small" onClick={saver.restoreLocal}>
          Restore my copy
        </button>{" "}
        <button type="button" className="button button--small" onClick={saver.discardLocal}>
          Discard it
        </button>
      </div>
    );
  }
  return null;
}
