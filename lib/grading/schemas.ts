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

/** Rounded targets are fine (1/3 written 0.333), but not a distribution that forgets an outcome. */
export const TARGET_SUM_TOLERANCE = 1e-3;

export const checkSchema = z
  .discriminatedUnion("kind", [stateCheck, unitaryCheck, distributionCheck, expectationCheck])
  .superRefine((check, ctx) => {
    if (check.kind !== "distribution") return;
    if ((check.reference === undefined) === (check.target === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "a distribution check needs exactly one of `reference` and `target`",
      });
      return;
    }
    if (check.target === undefined) return;
    const keys = Object.keys(check.target);
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
    const sum = Object.values(check.target).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > TARGET_SUM_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        path: ["target"],
        message: `the target probabilities add up to ${sum}, not 1`,
      });
    }
  });

export const constraintsSchema = z.strictObject({
  allowedGates: z.array(z.string().min(1)).min(1).optional(),
  maxGates: z.number().int().min(0).optional(),
  maxDepth: z.number().int().min(0).optional(),
  maxQubits: z.number().int().min(1).optional(),
});

export const exerciseSchema = z.strictObject({
  cell: kebabId,
  title: z.string().min(1),
  goal: z.string().min(1),
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
    check: checkSchema,
  }),
]);

export const DEFAULT_PASS_MARK = 0.7;

export const quizFileSchema = z.strictObject({
  id: kebabId,
  passMark: z.number().gt(0).max(1).default(DEFAULT_PASS_MARK),
  questions: z.array(questionSchema).min(1),
});

export type Check = z.output<typeof checkSchema>;
export type CheckKind = Check["kind"];
export type Constraints = z.output<typeof constraintsSchema>;
export type Exercise = z.output<typeof exerciseSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionType = Question["type"];
export type Quiz = z.output<typeof quizFileSchema>;
