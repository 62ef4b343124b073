/**
 * `npm run --silent sim -- FILE.qasm|- [options]`: compile and simulate one OpenQASM program and
 * print exactly one JSON object on stdout (the SimulationResult, or `{ format, code }` with
 * --export). Exit status: 0 success; 1 the program (or noise model) is wrong, with
 * `FILE:LINE:COL: error: message` on stderr; 2 the command line is wrong, with the usage.
 * `--lesson LESSON.md --cell ID` runs one cell of a lesson instead, as its page would.
 *
 * The command has its own limits (`cliLimits`), not the web's: no source size limit, no deadline
 * unless --deadline-ms, up to CLI_MAX_QUBITS qubits with --max-qubits; and --statevector prints
 * every amplitude, streamed as it is formatted.
 *
 * The only module of lib/quantum that may use Node (`parseArgs`); everything it does is in
 * `runCli`, which takes its input and output as arguments so tests can call it without a
 * process. lib/runner/sim-entry.ts binds it to the process; lib/runner/sim.cjs starts it.
 */
import { parseArgs } from "node:util";
import { compile } from "./compile";
import { compileParametric, gradient } from "./diff";
import { LimitError, QuantumError } from "./errors";
import { EXPORT_FORMATS, exportCircuit, isExportFormat } from "./export";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import { parseNoiseModel, type NoiseModel } from "./noise";
import type { SimulationResult } from "./result";
import { simulate } from "./simulate";
import type { StateVector } from "./statevector";
import { statevectorJsonChunks } from "./statevector-json";

/** The most qubits --max-qubits allows: 2^28 amplitudes × 16 bytes = 4 GiB of state. */
export const CLI_MAX_QUBITS = 28;
/** Qubits allowed without --max-qubits: the engine's default (256 MiB of state). */
export const CLI_DEFAULT_MAX_QUBITS = DEFAULT_LIMITS.maxQubits;
/**
 * Operations allowed without --max-operations: ten times the web's, for published benchmark
 * circuits (there is no source size limit); it also bounds the work of unrolling loops.
 */
export const CLI_DEFAULT_MAX_OPERATIONS = 10 * DEFAULT_LIMITS.maxOperations;

export const USAGE = `usage: npm run --silent sim -- FILE.qasm|- [options]
       npm run --silent sim -- --lesson LESSON.md --cell CELL_ID [--seed N]

Compiles and simulates an OpenQASM 2/3 program (- reads it from stdin) and prints one JSON object.
No limit on the program's size and no deadline unless --deadline-ms.
With --lesson, runs one cell of a lesson as its page would: a circuit cell with its sliders at
their defaults prints the same JSON; an experiment cell prints its result (history, metrics...).

options:
  --shots N              number of shots (default 1024)
  --seed N               seed of the random generator (same seed, same counts)
  --statevector          include the final state as [[re, im], ...], qubit 0 least significant,
                         every amplitude however many (streamed)
  --param NAME=VALUE     bind an \`input\` parameter (repeatable)
  --noise FILE.json      simulate with a noise model, laid over the file's \`#pragma noise\`
                         lines entry by entry (its entry for a gate or qubit wins)
  --observable "0.5*Z0*Z1"  also compute this Pauli-sum expectation value (repeatable)
  --gradient             add to each expectation value its exact derivative by every input
                         parameter: "gradient": { "NAME": number } (adjoint differentiation)
  --export FORMAT        print { "format", "code" } instead: ${EXPORT_FORMATS.join(", ")}
  --max-qubits N         allow up to N qubits (default ${CLI_DEFAULT_MAX_QUBITS}, at most ${CLI_MAX_QUBITS})
  --max-operations N     allow up to N operations after unrolling (default ${CLI_DEFAULT_MAX_OPERATIONS})
  --deadline-ms N        stop a simulation after N ms (default: no deadline)
  --lesson FILE.md       the lesson whose cell to run (with --cell; only --seed applies)
  --cell ID              the cell's id, as in \`\`\`qasm {#ID} or \`\`\`experiment {#ID}
  --help                 show this message`;

export interface CliIo {
  /** May return a promise when the output is full; a long output waits for it. */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** Reads a file named on the command line; throws (any error) when it cannot. */
  readonly readFile: (path: string) => string;
  readonly readStdin: () => string;
}

/** Thrown for a bad command line: exit status 2. */
class UsageError extends Error {}

interface Options {
  readonly file: string;
  readonly shots?: number;
  readonly seed?: number;
  readonly statevector: boolean;
  readonly params: Record<string, number>;
  readonly noiseFile?: string;
  readonly observables: string[];
  readonly exportFormat?: (typeof EXPORT_FORMATS)[number];
  readonly gradient: boolean;
  readonly maxQubits?: number;
  readonly maxOperations?: number;
  readonly deadlineMs?: number;
}

/** The command's limits: its own, not the web's (see the usage). */
export function cliLimits(
  options: Pick<Options, "maxQubits" | "maxOperations" | "deadlineMs">,
): Limits {
  return {
    ...DEFAULT_LIMITS,
    maxSourceBytes: Infinity,
    deadlineMs: options.deadlineMs ?? Infinity,
    maxQubits: options.maxQubits ?? CLI_DEFAULT_MAX_QUBITS,
    maxOperations: options.maxOperations ?? CLI_DEFAULT_MAX_OPERATIONS,
  };
}

interface LessonOptions {
  readonly lesson: string;
  readonly cell: string;
  readonly seed?: number;
}

/** Runs the command; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: Options | LessonOptions | "help";
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`error: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    await io.stdout(`${USAGE}\n`);
    return 0;
  }
  if ("lesson" in options) return runLesson(options, io);

  const displayName = options.file === "-" ? "<stdin>" : options.file;
  let source: string;
  try {
    source = options.file === "-" ? io.readStdin() : io.readFile(options.file);
  } catch (error) {
    io.stderr(`error: cannot read ${displayName}: ${messageOf(error)}\n${USAGE}\n`);
    return 2;
  }

  let noise: NoiseModel | undefined;
  if (options.noiseFile !== undefined) {
    const noiseFile = options.noiseFile;
    let text: string;
    try {
      text = io.readFile(noiseFile);
    } catch (error) {
      io.stderr(`error: cannot read ${noiseFile}: ${messageOf(error)}\n${USAGE}\n`);
      return 2;
    }
    try {
      const json: unknown = JSON.parse(text);
      noise = parseNoiseModel(json);
    } catch (error) {
      io.stderr(`${noiseFile}: error: ${messageOf(error)}\n`);
      return 1;
    }
  }

  const limits = cliLimits(options);
  try {
    const circuit = compile(source, { params: options.params, limits });
    if (options.exportFormat) {
      const code = exportCircuit(circuit, options.exportFormat);
      await io.stdout(`${JSON.stringify({ format: options.exportFormat, code })}\n`);
      return 0;
    }
    let finalState: StateVector | undefined;
    const result = simulate(circuit, {
      shots: options.shots,
      seed: options.seed,
      noise,
      observables: options.observables.length > 0 ? options.observables : undefined,
      limits,
      onFinalState: options.statevector ? (state) => (finalState = state) : undefined,
    });
    const { statevector, statevectorNote, ...rest } = options.gradient
      ? withGradients(result, source, options.params, limits)
      : result;
    if (!options.statevector) {
      await io.stdout(`${JSON.stringify(rest)}\n`);
    } else if (finalState === undefined) {
      // No single final state (it differs from shot to shot): null, and the note says why.
      await io.stdout(`${JSON.stringify({ ...rest, statevector, statevectorNote })}\n`);
    } else {
      await writeWithStatevector(rest, finalState, statevectorNote, io);
    }
    return 0;
  } catch (error) {
    if (error instanceof QuantumError) {
      io.stderr(`${error.format(displayName)}${limitHint(error, limits)}\n`);
      return 1;
    }
    throw error;
  }
}

/**
 * The JSON object of `rest` with `"statevector": [[re, im], ...]` (and the note, if any) after
 * its other keys, as JSON.stringify would print it, written a chunk of amplitudes at a time so
 * that a 2^28-amplitude state never becomes one string.
 */
async function writeWithStatevector(
  rest: object,
  state: StateVector,
  note: string | undefined,
  io: CliIo,
): Promise<void> {
  await io.stdout(`${JSON.stringify(rest).slice(0, -1)},"statevector":[`);
  for (const chunk of statevectorJsonChunks(state)) await io.stdout(chunk);
  await io.stdout(`]${note === undefined ? "" : `,"statevectorNote":${JSON.stringify(note)}`}}\n`);
}

/** How to change the limit an error names, from the command line. */
function limitHint(error: QuantumError, limits: Limits): string {
  if (!(error instanceof LimitError)) return "";
  switch (error.limit) {
    case "maxQubits":
      return limits.maxQubits < CLI_MAX_QUBITS
        ? ` (--max-qubits raises it, up to ${CLI_MAX_QUBITS})`
        : ` (${CLI_MAX_QUBITS} is the most this command allows)`;
    case "maxOperations":
      return " (--max-operations raises it)";
    case "deadlineMs":
      return " (set by --deadline-ms)";
    default:
      return "";
  }
}

/**
 * `--gradient`: each expectation value gets ∂⟨H⟩/∂θ for every input θ, by adjoint
 * differentiation of the same program compiled for rebinding (exact to rounding).
 */
function withGradients(
  result: SimulationResult,
  source: string,
  params: Record<string, number>,
  limits: Limits,
): SimulationResult {
  const pc = compileParametric(source, { params, limits });
  const observables = result.expectations.map((e) => e.observable);
  const { gradients } = gradient(pc, params, observables, { method: "adjoint" });
  return {
    ...result,
    expectations: result.expectations.map((e, m) => ({
      ...e,
      gradient: Object.fromEntries(pc.parameters.map((name, j) => [name, gradients[m][j]])),
    })),
  };
}

/**
 * `--lesson FILE.md --cell ID`: lib/notebook/run-lesson-cell.ts does the work, and is loaded only
 * here so that plain runs do not pay for the Markdown parser and the experiment runner.
 */
async function runLesson(options: LessonOptions, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = io.readFile(options.lesson);
  } catch (error) {
    io.stderr(`error: cannot read ${options.lesson}: ${messageOf(error)}\n${USAGE}\n`);
    return 2;
  }
  const { LessonCellError, runLessonCell, UnknownCellError } =
    await import("@/lib/notebook/run-lesson-cell");
  try {
    const run = runLessonCell(text, options.cell, { seed: options.seed });
    if (run.kind === "experiment") {
      await io.stdout(`${JSON.stringify(run.result)}\n`);
    } else {
      // The same object as for a file without --statevector.
      const { statevector: _state, statevectorNote: _note, ...rest } = run.result;
      await io.stdout(`${JSON.stringify(rest)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof LessonCellError) {
      io.stderr(`${options.lesson}:${error.line}:${error.column}: error: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UnknownCellError) {
      io.stderr(`${options.lesson}: error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function parseOptions(argv: readonly string[]): Options | LessonOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        shots: { type: "string" },
        seed: { type: "string" },
        statevector: { type: "boolean", default: false },
        param: { type: "string", multiple: true, default: [] },
        noise: { type: "string" },
        observable: { type: "string", multiple: true, default: [] },
        export: { type: "string" },
        gradient: { type: "boolean", default: false },
        lesson: { type: "string" },
        cell: { type: "string" },
        "max-qubits": { type: "string" },
        "max-operations": { type: "string" },
        "deadline-ms": { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.lesson !== undefined || values.cell !== undefined) {
    if (values.lesson === undefined || values.cell === undefined) {
      throw new UsageError("--lesson and --cell go together: --lesson LESSON.md --cell CELL_ID");
    }
    if (positionals.length > 0) {
      throw new UsageError(`--lesson runs a cell of the lesson, not ${positionals.join(" ")}`);
    }
    const others = {
      "--shots": values.shots !== undefined,
      "--statevector": values.statevector === true,
      "--param": (values.param ?? []).length > 0,
      "--noise": values.noise !== undefined,
      "--observable": (values.observable ?? []).length > 0,
      "--export": values.export !== undefined,
      "--gradient": values.gradient === true,
      "--max-qubits": values["max-qubits"] !== undefined,
      "--max-operations": values["max-operations"] !== undefined,
      "--deadline-ms": values["deadline-ms"] !== undefined,
    };
    const extra = Object.keys(others).filter((flag) => others[flag as keyof typeof others]);
    if (extra.length > 0) {
      throw new UsageError(
        `${extra.join(", ")} cannot be combined with --lesson (a cell runs as its page runs it; only --seed applies)`,
      );
    }
    return {
      lesson: values.lesson,
      cell: values.cell,
      seed: values.seed === undefined ? undefined : integer("--seed", values.seed, 0),
    };
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "expected a file name or - (stdin)"
        : `expected one file, got ${positionals.length}: ${positionals.join(" ")}`,
    );
  }
  const exportFormat = values.export;
  if (exportFormat !== undefined && !isExportFormat(exportFormat)) {
    throw new UsageError(
      `unknown export format "${exportFormat}" (expected one of ${EXPORT_FORMATS.join(", ")})`,
    );
  }
  const gradient = values.gradient === true;
  if (gradient && exportFormat !== undefined) {
    throw new UsageError("--gradient cannot be combined with --export");
  }
  if (gradient && values.noise !== undefined) {
    throw new UsageError(
      "--gradient cannot be combined with --noise (gradients are of the exact, noiseless state)",
    );
  }
  return {
    gradient,
    file: positionals[0],
    shots: values.shots === undefined ? undefined : integer("--shots", values.shots, 0),
    seed: values.seed === undefined ? undefined : integer("--seed", values.seed, 0),
    statevector: values.statevector === true,
    params: bindings(values.param ?? []),
    noiseFile: values.noise,
    observables: values.observable ?? [],
    exportFormat,
    maxQubits: maxQubits(values["max-qubits"]),
    maxOperations:
      values["max-operations"] === undefined
        ? undefined
        : integer("--max-operations", values["max-operations"], 1),
    deadlineMs:
      values["deadline-ms"] === undefined
        ? undefined
        : integer("--deadline-ms", values["deadline-ms"], 1),
  };
}

function maxQubits(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = integer("--max-qubits", text, 1);
  if (value > CLI_MAX_QUBITS) {
    throw new UsageError(
      `--max-qubits can be at most ${CLI_MAX_QUBITS} (a state of ${CLI_MAX_QUBITS} qubits takes 4 GiB), got ${value}`,
    );
  }
  return value;
}

function integer(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} needs an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}

/** `--param theta=0.5 --param phi=-1e-3` → { theta: 0.5, phi: -0.001 }. */
function bindings(items: readonly string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const item of items) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(item);
    const value = match ? Number(match[2]) : NaN;
    if (!match || match[2].trim() === "" || !Number.isFinite(value)) {
      throw new UsageError(`--param needs NAME=NUMBER, got "${item}"`);
    }
    if (match[1] in params) throw new UsageError(`--param ${match[1]} given twice`);
    params[match[1]] = value;
  }
  return params;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
