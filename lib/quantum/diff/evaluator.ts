/**
 * Running a tape: the state and adjoint buffers of one parametric circuit, kept between calls
 * so repeated evaluation (training loops, batches of data points) allocates nothing per call.
 * One evaluator per circuit, created on first use; JavaScript runs one call at a time, so the
 * buffers are never shared by two evaluations at once.
 */
import { QuantumError } from "../errors";
import { checkQubits, expectation, parsePauliSum, type PauliSum } from "../observables";
import { runPlan, StateVector } from "../statevector";
import type { SourceLocation } from "../ir";
import { refill, setInputs, type Tape } from "./tape";

export class Evaluator {
  readonly state: StateVector;
  private readonly extra: StateVector[] = [];
  private readonly parsed = new Map<string, PauliSum>();

  constructor(readonly tape: Tape) {
    this.state = new StateVector(tape.numQubits);
  }

  /** Sets the inputs (evaluating every angle) and runs the circuit from |0…0⟩ into `state`. */
  run(inputs: Float64Array): StateVector {
    setInputs(this.tape, inputs);
    return this.rerun();
  }

  /** Runs from |0…0⟩ with the gates' current values (after a gate was shifted and refilled). */
  rerun(): StateVector {
    const a = this.state.amps;
    a.fill(0);
    a[0] = 1;
    const { steps, gates } = this.tape;
    for (const step of steps) {
      if (step.kind === "fixed") {
        for (const plan of step.plans) runPlan(this.state, plan);
      } else runPlan(this.state, gates[step.gate].plan);
    }
    return this.state;
  }

  /** A reusable state buffer besides `state` (numbered, grown on demand). */
  buffer(i: number): StateVector {
    while (this.extra.length <= i) this.extra.push(new StateVector(this.tape.numQubits));
    return this.extra[i];
  }

  /** Shifts parameter `param` of gate `gate` to `value` (call `restore` after). */
  shiftGate(gate: number, param: number, value: number): number {
    const g = this.tape.gates[gate];
    const before = g.values[param];
    g.values[param] = value;
    refill(g);
    return before;
  }

  /**
   * A Pauli sum parsed once per text and checked against the circuit's qubits; an error gets
   * `loc` (the `#pragma expect` it came from) when given.
   */
  observable(text: string, loc?: SourceLocation): PauliSum {
    let sum = this.parsed.get(text);
    if (sum !== undefined) return sum;
    try {
      sum = parsePauliSum(text);
      checkQubits(sum, this.tape.numQubits);
    } catch (e) {
      if (e instanceof QuantumError && loc !== undefined) {
        throw new QuantumError(e.code, e.message, loc, { cause: e });
      }
      throw e;
    }
    this.parsed.set(text, sum);
    return sum;
  }

  /** ⟨H⟩ for each observable on the current `state`. */
  measure(observables: readonly PauliSum[], out: Float64Array): void {
    for (let m = 0; m < observables.length; m++) out[m] = expectation(this.state, observables[m]);
  }
}
