"use client";

import "./studio.css";

import { type RefObject, useEffect, useId, useRef } from "react";
import { useLatest } from "@/app/_components/use-latest";

import type { Problem } from "@/lib/studio/draft-saver";

import { MONACO_THEME_NAMES } from "../editor/qasm-themes";
import { useSiteTheme } from "../use-site-theme";
import { monaco } from "./studio-monaco";

/** What the lesson editor can do to the text from outside (toolbar, problem list, Insert menu). */
export interface SourceEditorHandle {
  /** 1-based line of the cursor. */
  cursorLine(): number;
  /** Puts the cursor at the start of `line`, scrolls it into view and focuses the editor. */
  revealLine(line: number): void;
  /** Replaces the whole text as one undoable edit, then puts the cursor on `cursorLine`. */
  replaceAll(text: string, cursorLine?: number): void;
  focus(): void;
}

export interface SourceEditorProps {
  value: string;
  onChange(value: string): void;
  /** The editor lost focus (autosave saves at once). */
  onBlur?(): void;
  /** Ctrl+S / Cmd+S. */
  onSave?(): void;
  language: "markdown" | "yaml";
  ariaLabel: string;
  /** Problems in this file, shown as markers on their lines. */
  problems: readonly Problem[];
  handleRef?: RefObject<SourceEditorHandle | null>;
}

export const SOURCE_KEYBOARD_HELP =
  "Tab indents. Escape (or Ctrl+M) leaves the editor; Ctrl+S saves at once.";

const MARKER_OWNER = "ketbook-studio";

/**
 * A Monaco editor for a whole course file (Markdown or YAML), with the server's problems as
 * error markers. Load it through LazySourceEditor: this module imports Monaco.
 */
export function SourceEditor(props: SourceEditorProps) {
  const { value, problems, ariaLabel, handleRef } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useSiteTheme() ?? "light";
  const helpId = useId();

  const latest = useLatest(props);

  useEffect(() => {
    const host = hostRef.current;
    const frame = frameRef.current;
    if (!host || !frame) return;
    const initial = latest.current;
    const editor = monaco.editor.create(host, {
      value: initial.value,
      language: initial.language,
      theme: MONACO_THEME_NAMES[theme],
      ariaLabel: initial.ariaLabel,
      fontFamily:
        getComputedStyle(document.documentElement).getPropertyValue("--font-mono").trim() ||
        "ui-monospace, monospace",
      fontSize: 14,
      lineHeight: 22,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      wordWrap: "on",
      lineNumbers: "on",
      minimap: { enabled: false },
      glyphMargin: false,
      folding: true,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      automaticLayout: true,
      contextmenu: false,
      quickSuggestions: false,
      wordBasedSuggestions: "off",
      renderLineHighlightOnlyWhenFocus: true,
      // As in the notebook's editor: the classic <textarea> input is reliable in Chromium.
      editContext: false,
    });
    editorRef.current = editor;
    for (const input of host.querySelectorAll('[role="textbox"]')) {
      input.setAttribute("aria-describedby", helpId);
    }

    const leave = () => {
      frame.focus();
    };
    const { KeyMod, KeyCode } = monaco;
    editor.addAction({
      id: "ketbook.studio.leave",
      label: "Leave the editor",
      keybindings: [KeyCode.Escape],
      precondition:
        "!suggestWidgetVisible && !editorHoverVisible && !inSnippetMode && !editorHasSelection && !editorHasMultipleSelections && !findWidgetVisible",
      run: leave,
    });
    editor.addAction({
      id: "ketbook.studio.leave-always",
      label: "Leave the editor (Ctrl+M)",
      keybindings: [KeyMod.CtrlCmd | KeyCode.KeyM, KeyMod.WinCtrl | KeyCode.KeyM],
      run: leave,
    });
    editor.addAction({
      id: "ketbook.studio.save",
      label: "Save now",
      keybindings: [KeyMod.CtrlCmd | KeyCode.KeyS],
      run: () => latest.current.onSave?.(),
    });

    const subscriptions = [
      editor.onDidChangeModelContent(() => {
        const text = editor.getValue();
        if (text !== latest.current.value) latest.current.onChange(text);
      }),
      editor.onDidBlurEditorText(() => latest.current.onBlur?.()),
    ];

    const reveal = (line: number) => {
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.revealLineInCenterIfOutsideViewport(line);
    };
    if (handleRef) {
      handleRef.current = {
        cursorLine: () => editor.getPosition()?.lineNumber ?? 1,
        revealLine(line) {
          reveal(line);
          editor.focus();
        },
        replaceAll(text, cursorLine) {
          const model = editor.getModel();
          if (!model) return;
          if (model.getValue() !== text) {
            model.pushStackElement();
            model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
            model.pushStackElement();
          }
          if (cursorLine !== undefined) reveal(cursorLine);
        },
        focus: () => editor.focus(),
      };
    }

    return () => {
      for (const subscription of subscriptions) subscription.dispose();
      if (handleRef) handleRef.current = null;
      editorRef.current = null;
      editor.dispose();
    };
    // Created once per mount; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // An outside change of `value` (restore, "use theirs") replaces the text as one undoable edit.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    model.pushStackElement();
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel });
  }, [ariaLabel]);

  useEffect(() => {
    monaco.editor.setTheme(MONACO_THEME_NAMES[theme]);
  }, [theme]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const lines = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      problems.map((problem) => {
        const line = Math.min(Math.max(1, problem.line), lines);
        return {
          message: problem.message,
          severity: monaco.MarkerSeverity.Error,
          startLineNumber: line,
          startColumn: 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        };
      }),
    );
  }, [problems]);

  return (
    <div ref={frameRef} className="studio-source" tabIndex={-1}>
      <div ref={hostRef} className="studio-source__monaco" />
      <p id={helpId} className="studio-source__keys">
        {SOURCE_KEYBOARD_HELP}
      </p>
    </div>
  );
}
