/**
 * The one place Monaco is imported at run time. Only the editor core and the features the
 * notebook uses are bundled (not the ~80 languages and the rest of `monaco-editor`'s default
 * entry point); each import below says what it is for. Importing this module touches `document`,
 * so it must only ever be loaded in the browser (LazyQasmEditor loads it with ssr: false).
 */
import * as monaco from "monaco-editor/editor";
// Completion list and details pane (the `features/suggest` entry point lacks the widget itself).
import "monaco-editor/editor/contrib/suggest/browser/suggestController.js";
// Gate snippets with placeholders: `rz(${1:θ}) ${2:q[0]};`.
import "monaco-editor/features/snippet/register";
// Gate docs on hover, and the message of a diagnostic when hovering its squiggle.
import "monaco-editor/features/hover/register";
// Ctrl+/ toggles line comments, Shift+Alt+A block comments.
import "monaco-editor/features/comment/register";
import "monaco-editor/features/bracketMatching/register";
// Ctrl+Backspace, Ctrl+Arrow and friends: expected by anyone who edits text.
import "monaco-editor/features/wordOperations/register";
// Icons in the completion list.
import "monaco-editor/features/codicon/register";

import { registerQasmLanguage } from "./qasm-language";
import { registerSpecLanguage } from "./spec-language";
import { MONACO_THEME_NAMES, monacoTheme } from "./qasm-themes";

/**
 * Monaco runs its text-model helpers (word ranges, diffs, link detection) in a web worker. The
 * worker is bundled from the package like any other module, so it is served by this site.
 */
globalThis.MonacoEnvironment = {
  getWorker: () =>
    new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
      type: "module",
      name: "monaco-editor-worker",
    }),
};

registerQasmLanguage();
registerSpecLanguage();
monaco.editor.defineTheme(MONACO_THEME_NAMES.light, monacoTheme("light"));
monaco.editor.defineTheme(MONACO_THEME_NAMES.dark, monacoTheme("dark"));

export { monaco };
