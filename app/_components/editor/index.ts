/**
 * The notebook editor's public face. Only the lazy wrapper and types are exported: importing
 * QasmEditor itself would put Monaco into the importing page's first-load JavaScript.
 */
export { LazyQasmEditor } from "./lazy-qasm-editor";
export type { QasmEditorProps, RunMode } from "./qasm-editor";
export type { EditorDiagnostic } from "./diagnostics";
