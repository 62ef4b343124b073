import type { editor } from "monaco-editor/editor";

import type { SiteTheme } from "../use-site-theme";

/**
 * Monaco themes that match the site's palette (app/globals.css; a test compares the two), so an
 * editor looks like the highlighted code it replaces. Monaco cannot read CSS variables, hence
 * the copies here.
 */
export type { SiteTheme };

export const MONACO_THEME_NAMES: Record<SiteTheme, string> = {
  light: "ketbook-light",
  dark: "ketbook-dark",
};

/** The globals.css variables the themes use, per site theme (without the leading `--`). */
export const SITE_PALETTES: Record<SiteTheme, Readonly<Record<string, string>>> = {
  light: {
    "bg-code": "#f3f5fa",
    fg: "#172033",
    "fg-soft": "#4b5670",
    border: "#dde3ee",
    accent: "#4b3fd6",
    "accent-soft": "#ecebff",
    "tok-keyword": "#8a2bb9",
    "tok-type": "#0b6e99",
    "tok-gate": "#4b3fd6",
    "tok-number": "#b4530a",
    "tok-string": "#11805a",
    "tok-comment": "#636c80",
    "tok-constant": "#c0264b",
    warn: "#b45309",
  },
  dark: {
    "bg-code": "#141b2a",
    fg: "#e6e9f2",
    "fg-soft": "#a5aec4",
    border: "#2a3449",
    accent: "#9d95ff",
    "accent-soft": "#25234a",
    "tok-keyword": "#d8a2ff",
    "tok-type": "#6cc7f0",
    "tok-gate": "#a9a2ff",
    "tok-number": "#ffb86b",
    "tok-string": "#7ee0a5",
    "tok-comment": "#8b95ab",
    "tok-constant": "#ff8fa8",
    warn: "#fbbf24",
  },
};

/** Monaco wants colours without `#` in token rules. */
const hex = (colour: string) => colour.replace(/^#/, "");

export function monacoTheme(theme: SiteTheme): editor.IStandaloneThemeData {
  const p = SITE_PALETTES[theme];
  return {
    base: theme === "dark" ? "vs-dark" : "vs",
    inherit: true,
    rules: [
      { token: "", foreground: hex(p.fg) },
      { token: "keyword", foreground: hex(p["tok-keyword"]), fontStyle: "bold" },
      { token: "type", foreground: hex(p["tok-type"]) },
      { token: "gate", foreground: hex(p["tok-gate"]), fontStyle: "bold" },
      { token: "number", foreground: hex(p["tok-number"]) },
      { token: "string", foreground: hex(p["tok-string"]) },
      { token: "string.invalid", foreground: hex(p["tok-constant"]) },
      { token: "comment", foreground: hex(p["tok-comment"]), fontStyle: "italic" },
      { token: "constant", foreground: hex(p["tok-constant"]) },
      { token: "annotation", foreground: hex(p["tok-keyword"]) },
      { token: "operator", foreground: hex(p["fg-soft"]) },
      { token: "delimiter", foreground: hex(p["fg-soft"]) },
      { token: "identifier", foreground: hex(p.fg) },
    ],
    colors: {
      "editor.background": p["bg-code"],
      "editor.foreground": p.fg,
      "editorLineNumber.foreground": p["fg-soft"] + "99",
      "editorLineNumber.activeForeground": p["fg-soft"],
      "editorCursor.foreground": p.accent,
      "editor.selectionBackground": p.accent + "40",
      "editor.inactiveSelectionBackground": p.accent + "26",
      "editor.lineHighlightBackground": p["accent-soft"] + "80",
      "editor.lineHighlightBorder": "#00000000",
      "editorBracketMatch.background": p.accent + "26",
      "editorBracketMatch.border": p.accent,
      "editorWidget.background": p["bg-code"],
      "editorWidget.border": p.border,
      "editorHoverWidget.background": p["bg-code"],
      "editorHoverWidget.border": p.border,
      "editorSuggestWidget.background": p["bg-code"],
      "editorSuggestWidget.border": p.border,
      "editorSuggestWidget.selectedBackground": p["accent-soft"],
      "editorWarning.foreground": p.warn,
      focusBorder: p.accent,
    },
  };
}
