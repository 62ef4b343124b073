import type { Limits } from "@/lib/quantum/limits";
import type { SimulationResult } from "@/lib/quantum/result";
import type { CircuitLayout } from "@/lib/quantum/layout";
import type { ExerciseFeedback } from "@/lib/grading/feedback";
import type { Gradable } from "@/lib/grading/grade-exercise";
import type { QuizAnswers, QuizResult } from "@/lib/grading/grade-quiz";
import type { Quiz } from "@/lib/grading/schemas";

/** What the web process asks a simulation worker to do (structured-clone safe). */
export interface RunJob {
  readonly kind?: "run";
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

/** Grade a learner's circuit against an exercise's check (the check never leaves the server). */
export interface GradeJob {
  readonly kind: "grade";
  readonly exercise: Gradable;
  readonly source: string;
}

/** Grade a submitted quiz (answers and circuit questions are checked on the server). */
export interface QuizJob {
  readonly kind: "quiz";
  readonly quiz: Quiz;
  readonly answers: QuizAnswers;
}

export type WorkerJob = RunJob | GradeJob | QuizJob;

export type QuizOutcome =
  | { readonly ok: true; readonly result: QuizResult }
  | { readonly ok: false; readonly error: RunError };

export type GradeOutcome =
  | { readonly ok: true; readonly feedback: ExerciseFeedback }
  | { readonly ok: false; readonly error: RunError };
