import "./outputs.css";

import { errorText, type ErrorLike } from "./cell-output-model";

/** The error's fields directly, or wrapped as `{ error }` the way a run's output carries it. */
export type CellErrorProps = ErrorLike | { error: ErrorLike };

/** A failed run: "Line 3, column 5: message", announced to screen readers when it appears. */
export function CellError(props: CellErrorProps) {
  const error = "error" in props ? props.error : props;
  return (
    <div className="out-error" role="alert">
      <span className="out-error__icon" aria-hidden="true">
        ✕
      </span>
      <span className="out-mono">{errorText(error)}</span>
    </div>
  );
}
