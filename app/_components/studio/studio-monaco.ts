/**
 * Monaco for the studio: the notebook's setup (editor core, themes, workers) plus colouring for
 * the two languages course files are written in. Loaded only in the browser, by SourceEditor.
 */
import "monaco-editor/languages/definitions/markdown/register";
import "monaco-editor/languages/definitions/yaml/register";

export { monaco } from "../editor/monaco-setup";
