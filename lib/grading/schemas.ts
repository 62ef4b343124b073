/**
 * The formats of a lesson's server-only check files, `NN-slug.exercises.yaml` and
 * `NN-slug.quiz.yaml` (see the content format guide). Objects are strict: a misspelt key is an
 * error with its line, never a silently ignored setting.
 *
 * What this module does not check: anything that needs the lesson (cell ids, section anchors)
 * or cross-references inside a file (option ids, permutations); load-checks.ts does that.
 */
import { z } from "zod";

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single dashes)");

const program = z.string().trim().min(1, "must be a non-empty OpenQASM program");

/** Qiskit-ordered bitstring keys ("01", or "1 01" for several classical registers). */
const bitstring = z.string().regex(/^[01]+( [01]+)*$/, "must be a bitstring such as 01");

const fidelity = z.number().gt(0).max(1);

const stateCheck = z.strictObject({
  kind: z.literal("state"),
  reference: program,
  minFidelity: fidelity,
});

const unitaryCheck = z.strictObject({
  kind: z.literal("unitary"),
  reference: program,
  minFidelity: fidelity,
});

/** Exactly one of `reference` and `target` (checked in `checkSchema` below). */
const distributionCheck = z.strictObject({
  kind: z.literal("distribution"),
  reference: program.optional(),
  target: z.record(bitstring, z.number().min(0).max(1)).optional(),
  maxDistance: z.number().min(0).max(1),
});

/**
 * The grade compares with `target`; an optional `reference` is a worked program that reaches it,
 * which the content tests run through the check (it is never used to grade).
 */
const expectationCheck = z.strictObject({
  kind: z.literal("expectation"),
  reference: program.optional(),
  observable: z.string().trim().min(1),
  target: z.number(),
  tolerance: z.number().min(0),
});

/**
 * A worked experiment cell (a YAML spec, a line `---`, the OpenQASM circuit) that passes the
 * check. Unlike a circuit check's reference, it is run when grading: its curves are shown beside
 * the learner's, and its spec supplies what the check fixes (its data set, its Hamiltonian).
 */
const experimentReference = z
  .string()
  .trim()
  .min(1, "must be a worked experiment cell: a spec, a line ---, then the circuit");

/** Seeds are plain integers, as in the experiment spec. */
const seed = z.number().int();

/**
 * Experiment checks (experiment cells only). Each re-runs the learner's cell with some of its
 * fields fixed by the check — the seed always, and the problem itself: the data set and split for
 * `accuracy`, the Hamiltonian for `energy` and `ratio` — so a learner can change the model, the
 * optimiser and the steps, never what the model is judged on.
 */
const accuracyCheck = z.strictObject({
  kind: z.literal("accuracy"),
  reference: experimentReference,
  /**
   * The data block the learner's spec is graded with (set, split seed, test fraction, classes,
   * features...), replacing theirs. Default: the reference's. The learner's `scale` is kept
   * (feature scaling belongs to the model) unless this block gives one.
   */
  data: z.record(z.string(), z.unknown()).optional(),
  seed,
  minTestAccuracy: z.number().gt(0).max(1),
});

/** Chemical accuracy, 1.6 mHa (1 kcal/mol): the default tolerance of an energy check. */
export const CHEMICAL_ACCURACY_HARTREE = 0.0016;

const energyCheck = z.strictObject({
  kind: z.literal("energy"),
  reference: experimentReference,
  seed,
  /** |E − E_exact| in hartree at the end of the learner's minimisation, inclusive. */
  tolerance: z.number().gt(0).default(CHEMICAL_ACCURACY_HARTREE),
});

const ratioCheck = z.strictObject({
  kind: z.literal("ratio"),
  reference: experimentReference,
  seed,
  minRatio: z.number().gt(0).max(1),
});

/**
 * The exact derivative ∂⟨observable⟩/∂input of the learner's circuit (for an experiment cell,
 * the circuit below `---`) at the values `at`, by adjoint differentiation. `reference` is a
 * worked cell the content tests run through the check.
 */
const gradientCheck = z.strictObject({
  kind: z.literal("gradient"),
  reference: program.optional(),
  /** Accepted for symmetry with the other experiment checks; exact gradients use no randomness. */
  seed: seed.optional(),
  at: z.record(z.string().regex(/^[A-Za-z_]\w*$/, "must be an input name"), z.number()),
  input: z.string().regex(/^[A-Za-z_]\w*$/, "must be an input name"),
  observable: z.string().trim().min(1),
  expected: z.number(),
  tolerance: z.number().min(0),
});

/** Rounded targets are fine (1/3 written 0.333), but not a distribution that forgets an outcome. */
export const TARGET_SUM_TOLERANCE = 1e-3;

/** A distribution check needs a reference or a target, and a target must be a distribution. */
function refineDistribution(check: { kind: string }, ctx: z.RefinementCtx): void {
  if (check.kind !== "distribution") return;
  const { reference, target } = check as z.output<typeof distributionCheck>;
  if ((reference === undefined) === (target === undefined)) {
    ctx.addIssue({
      code: "custom",
      message: "a distribution check needs exactly one of `reference` and `target`",
    });
    return;
  }
  if (target === undefined) return;
  const keys = Object.keys(target);
  if (keys.length === 0) {
    ctx.addIssue({ code: "custom", path: ["target"], message: "the target lists no outcome" });
    return;
  }
  const width = keys[0].replace(/ /g, "").length;
  const odd = keys.find((k) => k.replace(/ /g, "").length !== width);
  if (odd !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["target", odd],
      message: `outcome "${odd}" has a different number of bits than "${keys[0]}"`,
    });
  }
  const sum = Object.values(target).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > TARGET_SUM_TOLERANCE) {
    ctx.addIssue({
      code: "custom",
      path: ["target"],
      message: `the target probabilities add up to ${sum}, not 1`,
    });
  }
}

/** Checks of an OpenQASM cell's circuit (also a quiz's circuit questions). */
export const circuitCheckSchema = z
  .discriminatedUnion("kind", [stateCheck, unitaryCheck, distributionCheck, expectationCheck])
  .superRefine(refineDistribution);

/** Every check an exercise can have; load-checks.ts matches each kind to its cell's language. */
export const checkSchema = z
  .discriminatedUnion("kind", [
    stateCheck,
    unitaryCheck,
    distributionCheck,
    expectationCheck,
    accuracyCheck,
    energyCheck,
    ratioCheck,
    gradientCheck,
  ])
  .superRefine(refineDistribution);

/** Which cells each kind of check grades: a circuit, an experiment, or either. */
export const CHECK_CELLS = {
  state: "qasm",
  unitary: "qasm",
  distribution: "qasm",
  expectation: "qasm",
  accuracy: "experiment",
  energy: "experiment",
  ratio: "experiment",
  gradient: "either",
} as const satisfies Record<z.output<typeof checkSchema>["kind"], "qasm" | "experiment" | "either">;

export const constraintsSchema = z.strictObject({
  allowedGates: z.array(z.string().min(1)).min(1).optional(),
  maxGates: z.number().int().min(0).optional(),
  maxDepth: z.number().int().min(0).optional(),
  maxQubits: z.number().int().min(1).optional(),
  // At least this many uses of each named gate, e.g. { cx: 3 }: keeps a learner from passing by
  // deleting the construction the exercise is about (a fold, an entangler) when the check alone
  // cannot tell, since CX·CX·CX = CX.
  minGateCounts: z.record(z.string().min(1), z.number().int().min(1)).optional(),
});

/**
 * The skills (ids from content/roadmap/skills.yaml) a solved exercise or a passed quiz is
 * evidence for. Declared on the exercise or quiz itself, never inherited from the lesson's tags:
 * a one-qubit interference exercise in a lesson about entanglement says nothing about
 * entanglement. load-checks.ts checks every id exists and is assessable here.
 */
const evidencedSkills = z.array(kebabId).min(1, "name at least one skill this evidences");

export const exerciseSchema = z.strictObject({
  cell: kebabId,
  title: z.string().min(1),
  goal: z.string().min(1),
  skills: evidencedSkills,
  check: checkSchema,
  constraints: constraintsSchema.optional(),
  hints: z.array(z.string().min(1)),
  solutionAfter: z.number().int().min(0),
  solution: z.string().min(1),
});

export const exercisesFileSchema = z.strictObject({
  exercises: z.array(exerciseSchema).min(1),
});

const option = z.strictObject({ id: z.string().min(1), text: z.string().min(1) });

const questionBase = {
  id: kebabId,
  prompt: z.string().min(1),
  explanation: z.string().min(1),
  section: z.string().min(1),
};

export const questionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...questionBase,
    type: z.literal("single"),
    options: z.array(option).min(2),
    answer: z.string().min(1),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal("multiple"),
    options: z.array(option).min(2),
    answer: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({ ...questionBase, type: z.literal("truefalse"), answer: z.boolean() }),
  z.strictObject({
    ...questionBase,
    type: z.literal("numeric"),
    answer: z.strictObject({ value: z.number(), tolerance: z.number().min(0) }),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal("text"),
    answer: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal("ordering"),
    items: z.array(option).min(2),
    answer: z.array(z.string().min(1)).min(2),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal("circuit"),
    starter: program,
    check: circuitCheckSchema,
  }),
]);

export const DEFAULT_PASS_MARK = 0.7;

export const quizFileSchema = z.strictObject({
  id: kebabId,
  skills: evidencedSkills,
  passMark: z.number().gt(0).max(1).default(DEFAULT_PASS_MARK),
  questions: z.array(questionSchema).min(1),
});

export type Check = z.output<typeof checkSchema>;
export type CheckKind = Check["kind"];
export type CircuitCheck = z.output<typeof circuitCheckSchema>;
export type ExperimentCheck = Extract<Check, { kind: "accuracy" | "energy" | "ratio" }>;
export type GradientCheck = Extract<Check, { kind: "gradient" }>;
export type Constraints = z.output<typeof constraintsSchema>;
export type Exercise = z.output<typeof exerciseSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionType = Question["type"];
export type Quiz = z.output<typeof quizFileSchema>;
