/**
 * The declarative spec of an experiment cell: what to do around the cell's OpenQASM circuit
 * (train a classifier, fit a kernel, scan a landscape, minimise an energy, measure how gradients
 * vanish as the circuit widens). It is data, not code:
 * no learner-supplied code other than OpenQASM ever runs on the server.
 *
 * An experiment cell's text is the spec (YAML) above a line `---`, then the circuit:
 *
 * ```text
 * experiment: train
 * data: { set: parity, bits: 4, test: 0.25 }
 * features: [x0, x1, x2, x3]
 * weights: w
 * ...
 * ---
 * OPENQASM 3.0;
 * input float x0; ... input float w0; ...
 * ```
 *
 * Every mistake is reported with the line and column of the offending YAML node in the cell.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";

/** A located mistake in an experiment cell (1-based line and column within the cell). */
export class ExperimentSpecError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "ExperimentSpecError";
  }
}

const SEPARATOR = /^---[ \t]*$/m;

export interface ExperimentText {
  readonly spec: string;
  readonly circuit: string;
  /** 1-based line of the circuit's first line in the cell. */
  readonly circuitLine: number;
}

/**
 * Splits a cell into its spec and its circuit at the first `---` line. The spec keeps its text
 * exactly (less the one line break before `---`), so split and join round-trip while a learner
 * types: an empty spec or a trailing blank line survives.
 */
export function splitExperiment(text: string): ExperimentText {
  const match = SEPARATOR.exec(text);
  if (!match) {
    throw new ExperimentSpecError(
      "an experiment cell is a YAML spec, a line `---`, then the OpenQASM circuit; no `---` line found",
      1,
      1,
    );
  }
  const before = text.slice(0, match.index);
  const spec = before.endsWith("\n") ? before.slice(0, -1) : before;
  const circuit = text.slice(match.index + match[0].length).replace(/^\r?\n/, "");
  // The separator's own line, then the circuit's first line.
  const circuitLine = before.split("\n").length + 1;
  return { spec, circuit, circuitLine };
}

/** Joins a spec and a circuit into the text of one cell (the inverse of splitExperiment). */
export function joinExperiment(spec: string, circuit: string): string {
  return `${spec}\n---\n${circuit}`;
}

const identifier = z.string().regex(/^[A-Za-z_]\w*$/, "an input name (letters, digits, _)");
/** A feature is an input: `x0`, or an element of an input array, `x[0]`. */
const inputName = z
  .string()
  .regex(/^[A-Za-z_]\w*(?:\[\d+\])?$/, "an input name (letters, digits, _), or `x[0]`");
const positiveInt = (max: number, what: string) =>
  z
    .number()
    .int(`${what} is a whole number`)
    .min(1, `${what} is at least 1`)
    .max(max, `${what} is at most ${max} (limit)`);

export const LIMITS = {
  maxSteps: 500,
  maxSamples: 400,
  maxShots: 100_000,
  maxGrid: 2_500,
  maxSweep: 40,
  maxEvaluations: 2_000_000,
  /** A plateau study's widest sub-circuit, and its random parameter sets per width. */
  maxPlateauQubits: 14,
  maxPlateauSamples: 1_000,
} as const;

const dataSchema = z
  .object({
    set: z.string().min(1, "name a data set"),
    test: z.number().min(0.05).max(0.9).default(0.25),
    seed: z.number().int().default(0),
    /** Feature scaling fitted on the training part: to [lo, hi]. */
    scale: z.tuple([z.number(), z.number()]).optional(),
    /** Data-set options: bits, samples, noise, classes, features... */
    samples: positiveInt(LIMITS.maxSamples, "samples").optional(),
    bits: z.number().int().min(2).max(6).optional(),
    noise: z.number().min(0).max(1).optional(),
    classes: z.tuple([z.string(), z.string()]).optional(),
    featureSubset: z.array(z.number().int().min(0)).optional(),
  })
  .strict();

const optimizerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("gd"), stepSize: z.number().positive() }).strict(),
  z
    .object({
      kind: z.literal("momentum"),
      stepSize: z.number().positive(),
      momentum: z.number().min(0).max(0.999).default(0.9),
    })
    .strict(),
  z
    .object({
      kind: z.literal("nesterov"),
      stepSize: z.number().positive(),
      momentum: z.number().min(0).max(0.999).default(0.9),
    })
    .strict(),
  z
    .object({
      kind: z.literal("adam"),
      stepSize: z.number().positive(),
      beta1: z.number().min(0).max(0.9999).default(0.9),
      beta2: z.number().min(0).max(0.99999).default(0.999),
    })
    .strict(),
  z
    .object({
      kind: z.literal("spsa"),
      a: z.number().positive().default(0.2),
      c: z.number().positive().default(0.1),
    })
    .strict(),
  z
    .object({ kind: z.literal("nelder-mead"), initialStep: z.number().positive().default(0.5) })
    .strict(),
]);
export type OptimizerSpec = z.output<typeof optimizerSchema>;

const initSchema = z
  .object({
    seed: z.number().int().default(0),
    /** Weights drawn uniformly from [-scale, scale]... */
    scale: z.number().min(0).default(0.1),
    /** ...or all set to this value. */
    value: z.number().optional(),
  })
  .strict();

const noiseSchema = z
  .object({
    depolarizing: z.number().min(0).max(1).optional(),
    amplitudeDamping: z.number().min(0).max(1).optional(),
    phaseDamping: z.number().min(0).max(1).optional(),
    readout: z.number().min(0).max(0.5).optional(),
  })
  .strict();

const hamiltonianSchema = z.union([
  z.string().min(1),
  z.object({ molecule: z.enum(["h2", "heh+"]), bondLength: z.number().positive() }).strict(),
  z.object({ maxcut: z.string().min(1) }).strict(),
  z.object({ portfolio: z.string().min(1), risk: z.number().min(0).default(0.5) }).strict(),
  z.object({ ising: z.number().int().min(2).max(8), field: z.number() }).strict(),
]);
export type HamiltonianSpec = z.output<typeof hamiltonianSchema>;

const range = z.tuple([z.number(), z.number(), positiveInt(LIMITS.maxGrid, "points")]);

const shotsSchema = z.union([z.literal("exact"), positiveInt(LIMITS.maxShots, "shots")]);
const gradientSchema = z.enum(["adjoint", "parameter-shift", "finite-difference"]);
const common = {
  seed: z.number().int().default(0),
  shots: shotsSchema.default("exact"),
  noise: noiseSchema.optional(),
};

const trainSchema = z
  .object({
    experiment: z.literal("train"),
    data: dataSchema,
    features: z.array(inputName).min(1),
    weights: identifier,
    bias: z.boolean().default(false),
    init: initSchema.default({ seed: 0, scale: 0.1 }),
    observable: z.string().min(1).default("Z0"),
    loss: z.enum(["square", "hinge", "cross-entropy"]).default("square"),
    optimizer: optimizerSchema,
    steps: positiveInt(LIMITS.maxSteps, "steps"),
    batch: positiveInt(LIMITS.maxSamples, "batch").optional(),
    gradient: gradientSchema.default("adjoint"),
    baseline: z.array(z.enum(["logistic", "rbf-svm"])).default(["logistic"]),
    ...common,
  })
  .strict();

const kernelSchema = z
  .object({
    experiment: z.literal("kernel"),
    data: dataSchema,
    features: z.array(inputName).min(1),
    /** exact: |<psi(x)|psi(x')>|^2 from state vectors; or estimated by compute-uncompute with shots. */
    C: z.number().positive().default(1),
    baseline: z.array(z.enum(["logistic", "rbf-svm"])).default(["rbf-svm", "logistic"]),
    ...common,
  })
  .strict();

const scanSchema = z
  .object({
    experiment: z.literal("scan"),
    observable: z.string().min(1).optional(),
    hamiltonian: hamiltonianSchema.optional(),
    /** One or two inputs, each over [from, to, points]. */
    grid: z.record(identifier, range),
    /** Fixed values for other inputs. */
    values: z.record(identifier, z.number()).default({}),
    ...common,
  })
  .strict();

const minimiseSchema = z
  .object({
    experiment: z.literal("minimise"),
    observable: z.string().min(1).optional(),
    hamiltonian: hamiltonianSchema.optional(),
    weights: identifier,
    init: initSchema.default({ seed: 0, scale: 0.1 }),
    optimizer: optimizerSchema,
    steps: positiveInt(LIMITS.maxSteps, "steps"),
    gradient: gradientSchema.default("adjoint"),
    /**
     * One or two of the minimised weights over [from, to, points] (the others held at their start
     * values): the cost landscape the optimiser's path is drawn on.
     */
    landscape: z.record(identifier, range).optional(),
    /** A dissociation curve: the minimisation repeated over bond lengths [from, to, points]. */
    sweep: z
      .object({
        bondLength: z.tuple([
          z.number().positive(),
          z.number().positive(),
          positiveInt(LIMITS.maxSweep, "points"),
        ]),
      })
      .strict()
      .optional(),
    ...common,
  })
  .strict();

/**
 * Barren plateaus: the variance of ∂⟨observable⟩/∂parameter over random parameter sets, at each
 * width of the circuit (the circuit restricted to its first k qubits). Exact simulation only: the
 * derivative is taken by adjoint differentiation, so there is no `shots` or `noise`.
 */
const plateauSchema = z
  .object({
    experiment: z.literal("plateau"),
    /** Widths, ascending: the circuit restricted to its first k qubits for each k. */
    qubits: z
      .array(positiveInt(LIMITS.maxPlateauQubits, "qubits"))
      .min(1, "name at least one width"),
    /** The input whose derivative is studied. */
    parameter: identifier,
    /** `global` (Z on every qubit), `local` (Z0*Z1) or a Pauli sum on the first qubits. */
    observable: z.string().min(1).default("global"),
    samples: positiveInt(LIMITS.maxPlateauSamples, "samples").default(200),
    /** Inputs held at a value instead of drawn at random. */
    values: z.record(identifier, z.number()).default({}),
    seed: z.number().int().default(0),
  })
  .strict();

export const experimentSpecSchema = z.discriminatedUnion("experiment", [
  trainSchema,
  kernelSchema,
  scanSchema,
  minimiseSchema,
  plateauSchema,
]);

export type ExperimentSpec = z.output<typeof experimentSpecSchema>;
export type TrainSpec = z.output<typeof trainSchema>;
export type KernelSpec = z.output<typeof kernelSchema>;
export type ScanSpec = z.output<typeof scanSchema>;
export type MinimiseSpec = z.output<typeof minimiseSchema>;
export type PlateauSpec = z.output<typeof plateauSchema>;
/** The kinds with `shots` and `noise` (a plateau study is always simulated exactly). */
export type MeasuredSpec = Exclude<ExperimentSpec, PlateauSpec>;

/** How a spec's circuit is measured: its shots and noise, exact for a plateau study. */
export function measurementOf(spec: ExperimentSpec): {
  readonly shots: "exact" | number;
  readonly noise?: MeasuredSpec["noise"];
} {
  return spec.experiment === "plateau"
    ? { shots: "exact" }
    : { shots: spec.shots, noise: spec.noise };
}

export interface ParsedExperiment {
  readonly spec: ExperimentSpec;
  readonly circuit: string;
  readonly circuitLine: number;
}

/** Parses and validates a whole experiment cell; throws ExperimentSpecError with a location. */
export function parseExperiment(text: string): ParsedExperiment {
  const { spec, circuit, circuitLine } = splitExperiment(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(spec, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const { line, col } = at(yamlError.pos[0]);
    throw new ExperimentSpecError(`invalid YAML: ${firstLine(yamlError.message)}`, line, col);
  }
  const parsed = experimentSpecSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as (string | number)[];
    // An unknown field is pointed at itself, not at the object holding it.
    const where = issue.code === "unrecognized_keys" ? [...path, issue.keys[0]] : path;
    const { line, col } = locate(doc, where, at);
    const prefix = path.length ? `${path.join(".")}: ` : "";
    throw new ExperimentSpecError(`${prefix}${describeIssue(issue)}`, line, col);
  }
  if (circuit.trim() === "") {
    throw new ExperimentSpecError("the circuit below `---` is empty", circuitLine, 1);
  }
  checkTargets(parsed.data, doc, at);
  return { spec: parsed.data, circuit, circuitLine };
}

/** Rules that span fields (zod checks fields one by one). */
function checkTargets(
  spec: ExperimentSpec,
  doc: Document,
  at: (offset: number) => { line: number; col: number },
): void {
  if (spec.experiment === "scan" || spec.experiment === "minimise") {
    if (!spec.observable === !spec.hamiltonian) {
      const { line, col } = locate(doc, ["experiment"], at);
      throw new ExperimentSpecError(
        "give either `observable` (a Pauli sum such as 0.5*Z0*Z1 - X0) or `hamiltonian`, not both",
        line,
        col,
      );
    }
  }
  if (spec.experiment === "scan") {
    const names = Object.keys(spec.grid);
    if (names.length < 1 || names.length > 2) {
      const { line, col } = locate(doc, ["grid"], at);
      throw new ExperimentSpecError("`grid` scans one or two inputs", line, col);
    }
    const points = Object.values(spec.grid).reduce((n, [, , k]) => n * k, 1);
    if (points > LIMITS.maxGrid) {
      const { line, col } = locate(doc, ["grid"], at);
      throw new ExperimentSpecError(
        `the grid has ${points} points; the limit is maxGrid = ${LIMITS.maxGrid}`,
        line,
        col,
      );
    }
  }
  if (spec.experiment === "minimise" && spec.landscape) {
    checkLandscape(spec, doc, at);
  }
  if (spec.experiment === "plateau") {
    spec.qubits.forEach((k, i) => {
      if (i > 0 && k <= spec.qubits[i - 1]) {
        const { line, col } = locate(doc, ["qubits", i], at);
        throw new ExperimentSpecError(
          `\`qubits\` lists widths in increasing order, each once; ${k} follows ${spec.qubits[i - 1]}`,
          line,
          col,
        );
      }
    });
  }
  if (spec.experiment === "minimise" && spec.sweep) {
    const h = spec.hamiltonian;
    if (!h || typeof h === "string" || !("molecule" in h)) {
      const { line, col } = locate(doc, ["sweep"], at);
      throw new ExperimentSpecError(
        "`sweep.bondLength` needs a molecular `hamiltonian` (e.g. { molecule: h2, bondLength: 0.735 })",
        line,
        col,
      );
    }
  }
}

/** A landscape names one or two of the minimised weights, on a grid within the limit. */
function checkLandscape(
  spec: MinimiseSpec,
  doc: Document,
  at: (offset: number) => { line: number; col: number },
): void {
  const fail = (message: string, key?: string): never => {
    const { line, col } =
      key === undefined ? locate(doc, ["landscape"], at) : locateKey(doc, ["landscape"], key, at);
    throw new ExperimentSpecError(message, line, col);
  };
  const grid = spec.landscape!;
  const names = Object.keys(grid);
  if (spec.sweep) {
    fail("`landscape` is drawn for one minimisation; it cannot be combined with `sweep`");
  }
  if (names.length < 1 || names.length > 2) {
    fail(`\`landscape\` names one or two of the minimised weights, not ${names.length}`);
  }
  const weight = new RegExp(`^${spec.weights}(?:\\d+|\\[\\d+\\])$`);
  for (const name of names) {
    if (!weight.test(name)) {
      fail(
        `\`landscape\` axes are weights being minimised (${spec.weights}0, ${spec.weights}1, …); \`${name}\` is not one`,
        name,
      );
    }
  }
  const points = Object.values(grid).reduce((n, [, , k]) => n * k, 1);
  if (points > LIMITS.maxGrid) {
    fail(`the landscape has ${points} points; the limit is maxGrid = ${LIMITS.maxGrid}`);
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `\`${k}\``).join(", ")}`;
  }
  if (issue.code === "invalid_union" && issue.path.at(-1) === "experiment") {
    return "`experiment` must be one of train, kernel, scan, minimise, plateau";
  }
  return issue.message;
}

/** Line and column of the deepest node that exists on `path` (a missing key points at its parent). */
function locate(
  doc: Document,
  path: (string | number)[],
  at: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** Line and column of the key `key` of the mapping at `path` (the key itself, not its value). */
function locateKey(
  doc: Document,
  path: (string | number)[],
  key: string,
  at: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  const map = doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
  }
  return locate(doc, [...path, key], at);
}

/** Line and column (in the cell) of the spec field at `path`, for errors found while running. */
export function specLocation(
  text: string,
  path: readonly (string | number)[],
): { line: number; column: number } {
  const { spec } = splitExperiment(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(spec, { lineCounter });
  const { line, col } = locate(doc, [...path], (offset) => lineCounter.linePos(offset));
  return { line, column: col };
}
