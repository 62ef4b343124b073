/**
 * Parametric circuits for training loops: compile once, evaluate expectation values at many
 * input values, and differentiate them exactly.
 *
 *   const pc = compileParametric(source);               // `input float` parameters stay symbolic
 *   pc.bind({ theta: 0.3 })                              // the ordinary Circuit at these values
 *   expectations(pc, [0.3], ["Z0*Z1"])                   // state vector only, no sampling
 *   gradient(pc, [0.3], ["Z0*Z1"], { method: "adjoint" }) // values and d<H>/d(input) for each H
 *
 * Methods: "adjoint" (exact, one forward and one backward sweep; the default), "shift"
 * (parameter shift per gate occurrence, exact, or with `shots` an unbiased estimate from
 * samples) and "finite-difference" (central differences on the inputs, for checking).
 * Buffers are kept per circuit between calls; batches evaluate many value sets in one call.
 *
 * Differentiable gates: U, u, u3, cu3 (each of θ, φ, λ), u2 (φ, λ), p, phase, u1, cp, cphase,
 * cu1, rx, ry, rz, crx, cry, crz, cu (θ, φ, λ, γ), rxx, rzz and gphase, called directly, inside
 * user gates, in loops, and under `inv @`, `ctrl @`, `negctrl @` and `pow(k) @` (a fractional
 * power of a rotation or phase scales its angle). An angle that depends on an input is allowed
 * only where it stays one of these gates' angles; otherwise compilation stops with a located
 * "unsupported" error naming the gate, e.g. "`pow(0.5) @ u3` with an angle that depends on an
 * input has no closed form" (ryy is not a catalog gate: a user-defined ryy is differentiated
 * through its body). Circuits with mid-circuit measurements, resets after gates or classical
 * conditions have no exact expectation value to differentiate: evaluating them is a located
 * "unsupported" error at the first such operation.
 */
import { LimitError, QuantumError } from "../errors";
import { checkQubits, type PauliSum } from "../observables";
import { createRng } from "../sample";
import { adjointGradient } from "./adjoint";
import { Evaluator } from "./evaluator";
import { DEFAULT_STEP, finiteDifferenceGradient } from "./finite-difference";
import { inputVector, type InputValues, type ParametricCircuit } from "./parametric";
import { shiftGradient } from "./shift";
import { buildTape } from "./tape";

export {
  compileParametric,
  inputVector,
  restrictParametric,
  type InputValues,
  type ParametricCircuit,
  type ParametricOptions,
} from "./parametric";
export { DIFFERENTIABLE_GATES } from "./gate-derivatives";

/** Pauli sums as text ("0.5*Z0*Z1 - 0.3*X0") or parsed; default: the program's pragmas. */
export type Observables = readonly (string | PauliSum)[];

export type GradientMethod = "adjoint" | "shift" | "finite-difference";

export interface GradientOptions {
  /** Default "adjoint". */
  readonly method?: GradientMethod;
  /** "shift" only: estimate every expectation value from this many samples per Pauli term. */
  readonly shots?: number;
  /** Seed of the sampling (with `shots`); default 0. */
  readonly seed?: number;
  /** "finite-difference" only: relative step (default 1e-5). */
  readonly step?: number;
}

export interface Gradient {
  /** ⟨H_m⟩ for each observable. */
  readonly values: number[];
  /** gradients[m][j] = ∂⟨H_m⟩/∂(input j), inputs in declaration order. */
  readonly gradients: number[][];
}

const evaluators = new WeakMap<ParametricCircuit, Evaluator>();

function evaluatorFor(pc: ParametricCircuit): Evaluator {
  let ev = evaluators.get(pc);
  if (ev === undefined) {
    ev = new Evaluator(buildTape(pc.template, pc.parameters.length, pc.limits));
    evaluators.set(pc, ev);
  }
  return ev;
}

function sums(ev: Evaluator, pc: ParametricCircuit, observables?: Observables): PauliSum[] {
  if (observables === undefined) {
    return pc.expectations.map((r) => ev.observable(r.observable, r.loc));
  }
  return observables.map((o) => {
    if (typeof o === "string") return ev.observable(o);
    checkQubits(o, pc.numQubits);
    return o;
  });
}

/** ⟨H⟩ for each observable at these input values (exact, from the state vector). */
export function expectations(
  pc: ParametricCircuit,
  values: InputValues,
  observables?: Observables,
): number[] {
  return expectationsBatch(pc, [values], observables)[0];
}

/** `expectations` for many value sets (data points) on the same circuit and buffers. */
export function expectationsBatch(
  pc: ParametricCircuit,
  valueSets: readonly InputValues[],
  observables?: Observables,
): number[][] {
  const ev = evaluatorFor(pc);
  const list = sums(ev, pc, observables);
  const out = new Float64Array(list.length);
  return valueSets.map((values) => {
    ev.run(inputVector(pc, values));
    ev.measure(list, out);
    return Array.from(out);
  });
}

/** Values and exact gradients of each observable by every input (see the module header). */
export function gradient(
  pc: ParametricCircuit,
  values: InputValues,
  observables?: Observables,
  options: GradientOptions = {},
): Gradient {
  return gradientsBatch(pc, [values], observables, options)[0];
}

/** `gradient` for many value sets on the same circuit and buffers. */
export function gradientsBatch(
  pc: ParametricCircuit,
  valueSets: readonly InputValues[],
  observables?: Observables,
  options: GradientOptions = {},
): Gradient[] {
  const ev = evaluatorFor(pc);
  const list = sums(ev, pc, observables);
  const method = options.method ?? "adjoint";
  const sampling = samplingOf(options, method, pc);
  const valuesOut = new Float64Array(list.length);
  const rows = list.map(() => new Float64Array(pc.parameters.length));
  return valueSets.map((values) => {
    const x = inputVector(pc, values);
    switch (method) {
      case "adjoint":
        adjointGradient(ev, x, list, valuesOut, rows);
        break;
      case "shift":
        shiftGradient(ev, x, list, valuesOut, rows, sampling);
        break;
      case "finite-difference":
        finiteDifferenceGradient(ev, x, list, valuesOut, rows, options.step ?? DEFAULT_STEP);
        break;
      default:
        throw new QuantumError(
          "semantic",
          `unknown gradient method ${JSON.stringify(method satisfies never)}`,
        );
    }
    return { values: Array.from(valuesOut), gradients: rows.map((r) => Array.from(r)) };
  });
}

function samplingOf(options: GradientOptions, method: GradientMethod, pc: ParametricCircuit) {
  if (options.shots === undefined) return undefined;
  if (method !== "shift") {
    throw new QuantumError("semantic", `shots only apply to the "shift" method, not "${method}"`);
  }
  const { shots } = options;
  if (!Number.isInteger(shots) || shots < 1) {
    throw new QuantumError("semantic", `shots must be a positive integer, got ${shots}`);
  }
  if (shots > pc.limits.maxShots) {
    throw new LimitError(
      "maxShots",
      `${shots} shots requested; the limit is maxShots = ${pc.limits.maxShots}`,
    );
  }
  return { shots, rng: createRng(options.seed ?? 0) };
}
