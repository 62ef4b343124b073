"use client";

import "./qasm-editor.css";

import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { useLatest } from "@/app/_components/use-latest";

import { diagnosticsToMarkers, type EditorDiagnostic } from "./diagnostics";
import {
  clampEditorHeight,
  EDITOR_FONT_SIZE,
  EDITOR_LINE_HEIGHT,
  EDITOR_PADDING,
  editorHeightForSource,
} from "./editor-metrics";
import { monaco } from "./monaco-setup";
import { QASM_LANGUAGE_ID } from "./qasm-monarch";
import { SPEC_LANGUAGE_ID } from "./spec-language";
import { QasmStaticCode } from "./qasm-static-code";
import { MONACO_THEME_NAMES } from "./qasm-themes";
import { useSiteTheme } from "../use-site-theme";

export type RunMode = "stay" | "advance";

export interface QasmEditorProps {
  value: string;
  onChange(value: string): void;
  /** Shift+Enter → "advance" (run, then go to the next cell); Ctrl/Cmd+Enter → "stay". */
  onRun(mode: RunMode): void;
  diagnostics: readonly EditorDiagnostic[];
  ariaLabel: string;
  /** "spec": an experiment's YAML spec (its own colouring and completion); default OpenQASM. */
  language?: "qasm" | "spec";
  readOnly?: boolean;
  /** Receives the Monaco editor once it exists, and null when it is disposed. */
  editorRef?: RefObject<monaco.editor.IStandaloneCodeEditor | null>;
  /**
   * Receives a function that puts the keyboard focus in the editor (e.g. to move to the next
   * cell after Shift+Enter). LazyQasmEditor calls it before Monaco has loaded too: focusing then
   * loads the editor and focuses it as soon as it exists.
   */
  onReady?(focus: () => void): void;
}

/** Set by LazyQasmEditor when the reader clicked or tabbed into the stand-in. */
export interface QasmEditorInternalProps extends QasmEditorProps {
  autoFocus?: boolean;
  /** Where the reader clicked on the stand-in, to put the cursor there. */
  focusPoint?: { x: number; y: number };
}

export const KEYBOARD_HELP =
  "Shift+Enter runs the cell and moves to the next one; Ctrl+Enter (Cmd+Enter on a Mac) runs it " +
  "and stays. Tab indents. Escape or Ctrl+M leaves the editor.";

const MARKER_OWNER = "ketbook";
const MARKER_SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
} as const;

/** Read once: the site's monospace stack, so editor and prose code use the same font. */
function siteMonoFont(): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue("--font-mono").trim();
  return value || "ui-monospace, monospace";
}

/**
 * Where Escape sends focus: the enclosing notebook cell (marked `data-cell` or `data-cell-id`),
 * else the editor's own frame. Either way the next Tab continues through the page instead of
 * indenting.
 */
function focusOutside(frame: HTMLElement): void {
  const target = frame.parentElement?.closest<HTMLElement>("[data-cell], [data-cell-id]") ?? frame;
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus();
}

/**
 * An OpenQASM editor for a notebook cell (Monaco). Its height follows the content between 3 and
 * 30 lines; it follows the site's light/dark theme; keys work as in Jupyter (see KEYBOARD_HELP).
 * Import it through LazyQasmEditor: this module loads Monaco and only runs in the browser.
 */
export function QasmEditor(props: QasmEditorInternalProps) {
  const { value, diagnostics, readOnly = false, ariaLabel, editorRef } = props;
  const frameRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const editorInstance = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [ready, setReady] = useState(false);
  // Set on first focus and never cleared: hiding the keys again on blur would pull everything
  // below the editor up mid-click (a press on "Check my answer" would land on something else).
  const [keysShown, setKeysShown] = useState(false);
  const [height, setHeight] = useState(() => editorHeightForSource(value));
  // The editor only exists in the browser, so the theme is always known here.
  const theme = useSiteTheme() ?? "light";
  const helpId = useId();

  // Callbacks change on every render of the parent; the editor's handlers read the latest ones.
  const latest = useLatest(props);

  useEffect(() => {
    const host = hostRef.current;
    const frame = frameRef.current;
    if (!host || !frame) return;
    const initial = latest.current;
    const editor = monaco.editor.create(host, {
      value: initial.value,
      language: initial.language === "spec" ? SPEC_LANGUAGE_ID : QASM_LANGUAGE_ID,
      theme: MONACO_THEME_NAMES[theme],
      ariaLabel: initial.ariaLabel,
      readOnly: initial.readOnly ?? false,
      fontFamily: siteMonoFont(),
      fontSize: EDITOR_FONT_SIZE,
      lineHeight: EDITOR_LINE_HEIGHT,
      padding: { top: EDITOR_PADDING, bottom: EDITOR_PADDING },
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      lineNumbers: "on",
      lineNumbersMinChars: 3,
      lineDecorationsWidth: 12,
      glyphMargin: false,
      folding: false,
      minimap: { enabled: false },
      overviewRulerLanes: 0,
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
      renderLineHighlightOnlyWhenFocus: true,
      scrollBeyondLastLine: false,
      // A short cell must not swallow the wheel: the page scrolls past it.
      scrollbar: { alwaysConsumeMouseWheel: false, horizontalScrollbarSize: 8 },
      // Hovers and the completion list escape the cell's `overflow: hidden`.
      fixedOverflowWidgets: true,
      automaticLayout: true,
      contextmenu: false,
      wordBasedSuggestions: "off",
      quickSuggestions: { other: true, comments: false, strings: false },
      suggest: { showWords: false },
      tabFocusMode: false,
      // Chromium's EditContext input drops keystrokes while another editor on the page is being
      // built (seen in the end-to-end tests); the classic hidden <textarea> does not.
      editContext: false,
    });
    editorInstance.current = editor;
    if (editorRef) editorRef.current = editor;

    // The element that takes the keys: an EditContext <div> in Chromium, a <textarea> elsewhere.
    for (const input of host.querySelectorAll('[role="textbox"]')) {
      input.setAttribute("aria-describedby", helpId);
      input.setAttribute("aria-description", KEYBOARD_HELP);
    }

    const resize = () => {
      const next = clampEditorHeight(editor.getContentHeight());
      setHeight(next);
      editor.layout({ width: host.clientWidth, height: next });
    };
    resize();

    const run = (mode: RunMode) => () => latest.current.onRun(mode);
    const { KeyMod, KeyCode } = monaco;
    editor.addAction({
      id: "ketbook.run-advance",
      label: "Run cell and go to the next",
      keybindings: [KeyMod.Shift | KeyCode.Enter],
      run: run("advance"),
    });
    editor.addAction({
      id: "ketbook.run-stay",
      label: "Run cell",
      // CtrlCmd is Cmd on a Mac and Ctrl elsewhere; WinCtrl adds Ctrl on a Mac, as Jupyter does.
      keybindings: [KeyMod.CtrlCmd | KeyCode.Enter, KeyMod.WinCtrl | KeyCode.Enter],
      run: run("stay"),
    });
    editor.addAction({
      id: "ketbook.leave-editor",
      label: "Leave the editor",
      keybindings: [KeyCode.Escape],
      // Escape first closes whatever is open (completion, hover, snippet, selection), as usual.
      precondition:
        "!suggestWidgetVisible && !editorHoverVisible && !inSnippetMode && !parameterHintsVisible && !editorHasSelection && !editorHasMultipleSelections",
      run: () => focusOutside(frame),
    });
    editor.addAction({
      id: "ketbook.leave-editor-always",
      label: "Leave the editor (Ctrl+M)",
      keybindings: [KeyMod.CtrlCmd | KeyCode.KeyM, KeyMod.WinCtrl | KeyCode.KeyM],
      run: () => focusOutside(frame),
    });

    const subscriptions = [
      editor.onDidContentSizeChange(resize),
      editor.onDidChangeModelContent(() => {
        const text = editor.getValue();
        if (text !== latest.current.value) latest.current.onChange(text);
      }),
      editor.onDidFocusEditorText(() => setKeysShown(true)),
    ];

    if (initial.autoFocus) {
      const point = initial.focusPoint;
      const target = point ? editor.getTargetAtClientPoint(point.x, point.y) : null;
      if (target?.position) editor.setPosition(target.position);
      editor.focus();
    }
    initial.onReady?.(() => editor.focus());

    // Monaco paints on the next animation frame; the stand-in stays until then.
    const frameRequest = requestAnimationFrame(() => setReady(true));

    return () => {
      cancelAnimationFrame(frameRequest);
      for (const subscription of subscriptions) subscription.dispose();
      if (editorRef) editorRef.current = null;
      editorInstance.current = null;
      // The editor owns the model it created and disposes it too.
      editor.dispose();
    };
    // Created once per mount; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // An outside change of `value` (reset, load a solution) replaces the text as one undoable edit.
  useEffect(() => {
    const editor = editorInstance.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    // On the model, not the editor: editor edits are refused when the editor is read-only.
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    model.pushStackElement();
  }, [value]);

  useEffect(() => {
    editorInstance.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  useEffect(() => {
    // Themes are global in Monaco: every editor on the page switches together, as it should.
    monaco.editor.setTheme(MONACO_THEME_NAMES[theme]);
    // A theme change resets the models' tokens, and Monaco re-tokenizes them in the background,
    // which was seen never to happen in about one switch in six (the code stayed uncoloured).
    // Setting the language again, once the new theme is in place, re-tokenizes the model.
    const frame = requestAnimationFrame(() => {
      const model = editorInstance.current?.getModel();
      if (!model) return;
      monaco.editor.setModelLanguage(model, "plaintext");
      monaco.editor.setModelLanguage(
        model,
        latest.current.language === "spec" ? SPEC_LANGUAGE_ID : QASM_LANGUAGE_ID,
      );
      editorInstance.current?.render(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [theme, latest]);

  useEffect(() => {
    const model = editorInstance.current?.getModel();
    if (!model) return;
    const markers = diagnosticsToMarkers(diagnostics, model.getLinesContent()).map((m) => ({
      ...m,
      severity: MARKER_SEVERITY[m.severity],
    }));
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    // `ready` is a dependency so markers given before the editor existed are applied once it
    // does. Edits do not re-apply them: they describe the code that was run, until the next run.
  }, [diagnostics, ready]);

  return (
    <div ref={frameRef} className="qasm-editor">
      <div ref={hostRef} className="qasm-editor__monaco" style={{ height }} />
      {ready ? null : (
        <div className="qasm-editor__overlay">
          <QasmStaticCode source={value} label={ariaLabel} />
        </div>
      )}
      {/* Shown to everyone once the editor has had focus: Tab indents here, so a keyboard user
          never told about Escape would be stuck. Also the editor's description. */}
      <p id={helpId} className="qasm-editor__keys" data-shown={keysShown}>
        {KEYBOARD_HELP}
      </p>
    </div>
  );
}
