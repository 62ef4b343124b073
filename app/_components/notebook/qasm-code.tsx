import { highlightQasm } from "@/lib/notebook/highlight-qasm";

/** OpenQASM source with syntax colours, rendered on the server (no JavaScript shipped). */
export function QasmCode({ source, label }: { source: string; label: string }) {
  return (
    <pre className="qasm" aria-label={label} tabIndex={0}>
      <code>
        {highlightQasm(source).map((token, index) =>
          token.kind === "whitespace" || token.kind === "identifier" ? (
            token.text
          ) : (
            <span key={index} className={`tok-${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
