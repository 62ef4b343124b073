/**
 * Compile once, rebind many times. `compileParametric` runs the OpenQASM front end once with
 * the `input float` parameters kept symbolic: every op whose angles depend on inputs carries
 * them as expressions (lib/quantum/angle.ts). `bind` then produces the ordinary circuit for any
 * values by evaluating those expressions, without parsing or lowering again; the result is the
 * circuit `compile(source, { params })` would give, parameter for parameter.
 *
 * What may depend on an input: gate angles (directly, through `const` declarations, user-gate
 * parameters, loops and the `inv @`, `ctrl @`, `negctrl @` and `pow(k) @` modifiers, as long as
 * the modified gate keeps a closed form). What may not: anything that shapes the circuit (sizes,
 * indices, loop bounds, conditions, `pow` exponents, control counts) and angles that end up
 * inside a matrix (a fractional power of a gate without a closed form): those are located
 * "unsupported" errors at compile time.
 */
import { evaluateAngle, formatAngle } from "../angle";
import { checkSourceSize } from "../compile";
import { QuantumError } from "../errors";
import type { Circuit, ExpectationRequest, Op } from "../ir";
import { resolveLimits, type Limits } from "../limits";
import { lower } from "../qasm/lower";
import { parse } from "../qasm/parser";
import { restrictToQubits } from "../restrict";
import { describeOp } from "./tape";

export interface ParametricOptions {
  /**
   * Values to check the program with at compile time (optional): errors that depend on the
   * values, such as a division by zero in an angle, then show up here rather than at `bind`.
   */
  params?: Record<string, number>;
  limits?: Partial<Limits>;
  /**
   * What to do with `#pragma noise`: everything built on a parametric circuit (exact expectation
   * values, gradients, experiments) computes the ideal circuit, so by default a noise pragma is
   * a located error rather than silently dropped. The grader, which judges the ideal circuit on
   * purpose and says so, passes true; the template then keeps `noise` for it to mention.
   */
  ignoreNoise?: boolean;
}

/** Input values by name, or in declaration order. */
export type InputValues = Readonly<Record<string, number>> | ArrayLike<number>;

export interface ParametricCircuit {
  /** The `input float` names, in declaration order (the order of value arrays). */
  readonly parameters: readonly string[];
  readonly numQubits: number;
  /** The `#pragma expect` requests of the program. */
  readonly expectations: readonly ExpectationRequest[];
  /** The lowered circuit with symbolic angles (parameter values are NaN where unknown). */
  readonly template: Circuit;
  readonly limits: Limits;
  /** The ordinary circuit at these input values. */
  bind(values: InputValues): Circuit;
}

export function compileParametric(
  source: string,
  options: ParametricOptions = {},
): ParametricCircuit {
  const limits = resolveLimits(options.limits);
  checkSourceSize(source, limits);
  const template = lower(parse(source), {
    params: options.params ?? {},
    limits,
    symbolic: true,
  });
  if (template.noise && !options.ignoreNoise) {
    throw new QuantumError(
      "unsupported",
      "`#pragma noise` cannot be used here: exact expectation values and gradients are computed for the ideal circuit (an experiment cell takes its noise from the spec's `noise` field)",
      template.noise.loc,
    );
  }
  const parameters = template.inputs.map((i) => i.name);
  const pc: ParametricCircuit = {
    parameters,
    numQubits: template.numQubits,
    expectations: template.expectations,
    template,
    limits,
    bind: (values) => bindCircuit(pc, inputVector(pc, values)),
  };
  return pc;
}

/**
 * The same parametric circuit on its first `k` qubits (lib/quantum/restrict.ts: operations that
 * touch a qubit ≥ k are dropped). Its inputs are the original's, in the same order, so value
 * sets bind to both alike; inputs no kept gate uses have no effect.
 */
export function restrictParametric(pc: ParametricCircuit, k: number): ParametricCircuit {
  const template = restrictToQubits(pc.template, k);
  const restricted: ParametricCircuit = {
    parameters: pc.parameters,
    numQubits: template.numQubits,
    expectations: template.expectations,
    template,
    limits: pc.limits,
    bind: (values) => bindCircuit(restricted, inputVector(restricted, values)),
  };
  return restricted;
}

/** The values as an array in declaration order; every input needs a finite number. */
export function inputVector(pc: ParametricCircuit, values: InputValues): Float64Array {
  const out = new Float64Array(pc.parameters.length);
  const byName = !isArrayLike(values);
  if (!byName && (values as ArrayLike<number>).length !== out.length) {
    throw new QuantumError(
      "semantic",
      `expected ${out.length} input value(s) (${pc.parameters.join(", ")}), got ${(values as ArrayLike<number>).length}`,
    );
  }
  pc.parameters.forEach((name, i) => {
    const value = byName
      ? Object.prototype.hasOwnProperty.call(values, name)
        ? (values as Readonly<Record<string, number>>)[name]
        : undefined
      : (values as ArrayLike<number>)[i];
    if (value === undefined) {
      throw new QuantumError("unbound-input", `input \`${name}\` has no value`);
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new QuantumError(
        "semantic",
        `input \`${name}\` must be a finite number, got ${String(value)}`,
      );
    }
    out[i] = value;
  });
  return out;
}

function isArrayLike(values: InputValues): values is ArrayLike<number> {
  return ArrayBuffer.isView(values) || Array.isArray(values);
}

function checked(value: number, op: Op, text: string): number {
  if (!Number.isFinite(value)) {
    const what = op.kind === "gate" || op.kind === "gphase" ? describeOp(op) : op.kind;
    throw new QuantumError(
      "semantic",
      `the angle ${text} of ${what} is not a finite number (${value}) at these input values`,
      op.loc,
    );
  }
  return value;
}

function bindCircuit(pc: ParametricCircuit, x: Float64Array): Circuit {
  const ops = pc.template.ops.map((op): Op => {
    if (op.kind === "gate" && op.symbolic !== undefined) {
      const { symbolic, ...rest } = op;
      return {
        ...rest,
        params: symbolic.map((a) => checked(evaluateAngle(a, x), op, formatAngle(a))),
      };
    }
    if (op.kind === "gphase" && op.symbolic !== undefined) {
      const { symbolic, ...rest } = op;
      return { ...rest, angle: checked(evaluateAngle(symbolic, x), op, formatAngle(symbolic)) };
    }
    return op;
  });
  return {
    ...pc.template,
    ops,
    inputs: pc.parameters.map((name, i) => ({ name, value: x[i] })),
  };
}
