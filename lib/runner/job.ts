import type { Limits } from "@/lib/quantum/limits";
import type { SimulationResult } from "@/lib/quantum/result";
import type { CircuitLayout } from "@/lib/quantum/layout";

/** What the web process asks a simulation worker to do (structured-clone safe). */
export interface RunJob {
  readonly source: string;
  readonly shots: number;
  readonly seed?: number;
  readonly params: Readonly<Record<string, number>>;
  readonly limits?: Partial<Limits>;
}

/** A successful run: the engine's result plus what the page needs to draw the circuit. */
export type RunResult = SimulationResult & {
  readonly layout: CircuitLayout;
  /** The circuit's `input` parameters and the values used, for sliders. */
  readonly inputs: readonly { readonly name: string; readonly value: number }[];
  /** Human-readable notes on what was left out of a large result. */
  readonly truncated: readonly string[];
};

export type RunErrorCode =
  | "code" // the program is not valid OpenQASM or is not supported (syntax, semantic, unsupported, unbound input)
  | "limit" // qubits, operations, shots, size or time
  | "internal"; // a bug: the message is generic, details go to the server log

export interface RunError {
  readonly code: RunErrorCode;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  /** For code "limit": which limit. */
  readonly limit?: string;
}

export type RunOutcome =
  | { readonly ok: true; readonly result: RunResult }
  | { readonly ok: false; readonly error: RunError };
