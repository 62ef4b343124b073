import type { SourceLocation } from "./ir";

/**
 * Every failure the engine reports on purpose is a `QuantumError` with a stable `code`, so
 * callers (CLI, API, grader) choose wording and HTTP status without parsing messages.
 */
export type QuantumErrorCode =
  | "syntax" // the text is not OpenQASM
  | "unsupported" // valid OpenQASM that Ketbook does not implement; message names the construct
  | "semantic" // unknown names, wrong argument counts, index out of range, duplicate operands...
  | "unbound-input" // an `input` parameter without a value
  | "limit" // a configured limit (qubits, operations, shots, deadline, size) was exceeded
  | "observable" // a Pauli sum that cannot be parsed or names a missing qubit
  | "noise-model"; // a noise model that is not valid

export class QuantumError extends Error {
  readonly code: QuantumErrorCode;
  readonly loc?: SourceLocation;

  constructor(
    code: QuantumErrorCode,
    message: string,
    loc?: SourceLocation,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "QuantumError";
    this.code = code;
    this.loc = loc;
  }

  /** `FILE:LINE:COL: error: message`, the form compilers and editors understand. */
  format(fileName = "<input>"): string {
    const where = this.loc ? `${fileName}:${this.loc.line}:${this.loc.column}` : fileName;
    return `${where}: error: ${this.message}`;
  }
}

/** Thrown when a limit is exceeded; `limit` names which one so the message can say so. */
export class LimitError extends QuantumError {
  readonly limit: keyof import("./limits").Limits;

  constructor(limit: keyof import("./limits").Limits, message: string, loc?: SourceLocation) {
    super("limit", message, loc);
    this.name = "LimitError";
    this.limit = limit;
  }
}
