import type { CSSProperties } from "react";

import { editorHeightForSource } from "./editor-metrics";
import { highlightedLines } from "./static-lines";

/**
 * The editor's stand-in: the cell's code highlighted like QasmCode (same token classes and
 * colours), but laid out like the Monaco editor that replaces it (same font size, line height,
 * padding, line-number gutter and height), so the swap does not move anything on the page.
 */
export function QasmStaticCode({
  source,
  label,
  describedBy,
}: {
  source: string;
  label: string;
  describedBy?: string;
}) {
  const style = { height: editorHeightForSource(source) } satisfies CSSProperties;
  return (
    <pre
      className="qasm-editor__static"
      style={style}
      aria-label={label}
      aria-describedby={describedBy}
      tabIndex={0}
    >
      <code>
        {highlightedLines(source).map((tokens, line) => (
          <span key={line} className="qasm-editor__line">
            <span className="qasm-editor__line-number" aria-hidden="true">
              {line + 1}
            </span>
            {tokens.map((token, index) =>
              token.kind === "whitespace" || token.kind === "identifier" ? (
                token.text
              ) : (
                <span key={index} className={`tok-${token.kind}`}>
                  {token.text}
                </span>
              ),
            )}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
