/**
 * The "run" task: compile and simulate one cell's circuit inside a worker thread, never on the
 * web process's request thread. Bad programs and exceeded limits come back as values (located
 * errors), not exceptions.
 */
import { compile } from "@/lib/quantum/compile";
import { LimitError, QuantumError } from "@/lib/quantum/errors";
import type { Circuit } from "@/lib/quantum/ir";
import { layoutCircuit, type CircuitLayout } from "@/lib/quantum/layout";
import type { Limits } from "@/lib/quantum/limits";
import type { SimulationResult } from "@/lib/quantum/result";
import { simulate } from "@/lib/quantum/simulate";

export interface RunInput {
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

/** What a task that can fail on the learner's input answers: a value or a located error. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RunError };

export type RunOutcome = Outcome<RunResult>;

/** Above this many qubits the page gets probabilities, not the 2^n amplitudes (2^12 = 4096 rows). */
export const MAX_STATEVECTOR_QUBITS = 12;
/** At most this many outcome probabilities travel to the browser. */
export const MAX_PROBABILITIES = 1024;

export function runCircuit(input: RunInput): RunOutcome {
  return outcomeOf(() =>
    simulateCompiled(
      compile(input.source, { params: { ...input.params }, limits: input.limits }),
      input,
    ),
  );
}

function simulateCompiled(circuit: Circuit, input: RunInput): RunResult {
  const result = simulate(circuit, {
    shots: input.shots,
    seed: input.seed,
    limits: input.limits,
  });
  return capForBrowser({
    ...result,
    layout: layoutCircuit(circuit),
    inputs: circuit.inputs,
    truncated: [],
  });
}

/**
 * What a run may cost to be run inline, on the request's own thread, instead of in the pool:
 * the round trip to a worker costs more than such a run. The bound is on the worst case of the
 * engine (every shot simulating every operation over the whole state), so no program under it
 * holds the thread for long, whatever it does.
 */
export const INLINE_RUN_BUDGET = {
  /** Source text: compiling it is the part done before the cost is known. */
  maxSourceBytes: 2048,
  maxQubits: 8,
  maxOperations: 128,
  /** operations × 2^qubits × shots. */
  maxCost: 2 ** 20,
} as const;

/**
 * Runs a tiny circuit here and now (see INLINE_RUN_BUDGET), answering exactly what runCircuit
 * would; undefined for anything else (larger, noisy, or a program with an error), which the
 * caller sends to the pool.
 */
export function runTinyCircuit(input: RunInput): RunOutcome | undefined {
  const budget = INLINE_RUN_BUDGET;
  if (input.source.length > budget.maxSourceBytes) return undefined;
  let circuit: Circuit;
  try {
    circuit = compile(input.source, {
      params: { ...input.params },
      limits: {
        ...input.limits,
        maxQubits: Math.min(budget.maxQubits, input.limits?.maxQubits ?? Infinity),
        maxOperations: Math.min(budget.maxOperations, input.limits?.maxOperations ?? Infinity),
      },
    });
  } catch {
    return undefined;
  }
  const shots = Math.max(1, input.shots);
  if (circuit.noise || circuit.ops.length * 2 ** circuit.numQubits * shots > budget.maxCost) {
    return undefined;
  }
  return outcomeOf(() => simulateCompiled(circuit, input));
}

/** Runs `work`, turning the learner's errors into a located error value. */
export function outcomeOf<T>(work: () => T): Outcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export function describeError(error: unknown): RunError {
  if (error instanceof LimitError) {
    return {
      code: "limit",
      message: error.message,
      limit: error.limit,
      line: error.loc?.line,
      column: error.loc?.column,
    };
  }
  if (error instanceof QuantumError) {
    if (error.code === "limit") return { code: "limit", message: error.message };
    return {
      code: "code",
      message: error.message,
      line: error.loc?.line,
      column: error.loc?.column,
    };
  }
  console.error("simulation failed unexpectedly", error);
  return {
    code: "internal",
    message: "The simulator failed unexpectedly. The problem has been logged.",
  };
}

/** Keeps a result small enough to send: the page never needs 2^20 rows at once. */
export function capForBrowser(result: RunResult): RunResult {
  const truncated: string[] = [...result.truncated];
  let { statevector, probabilities } = result;
  if (statevector && result.numQubits > MAX_STATEVECTOR_QUBITS) {
    statevector = null;
    truncated.push(
      `The state vector has ${2 ** result.numQubits} amplitudes; it is shown only up to ${MAX_STATEVECTOR_QUBITS} qubits. Probabilities and counts are complete below that cap.`,
    );
  }
  const outcomes = Object.entries(probabilities);
  if (outcomes.length > MAX_PROBABILITIES) {
    outcomes.sort((a, b) => b[1] - a[1]);
    probabilities = Object.fromEntries(outcomes.slice(0, MAX_PROBABILITIES));
    truncated.push(
      `Only the ${MAX_PROBABILITIES} most likely of ${outcomes.length} outcomes are listed.`,
    );
  }
  return { ...result, statevector, probabilities, truncated };
}
