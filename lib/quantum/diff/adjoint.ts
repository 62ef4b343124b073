/**
 * Adjoint differentiation (Jones & Gacon 2020) on exact states: one forward run to |ψ⟩, then
 * one backward sweep that undoes the gates one by one on |ψ⟩ and on |λ_m⟩ = H_m|ψ⟩ (one per
 * observable). At a gate U(α), with |ψ⟩ the state before it and |λ⟩ the adjoint state after
 * it, ∂⟨H⟩/∂α = 2·Re⟨λ|∂U/∂α|ψ⟩, computed with the exact derivative matrix of the gate on its
 * controlled subspace. At a gate with input-dependent angles, undoing it on ψ and λ and taking
 * the matrix elements is one fused pass (kernels.ts); the whole gradient costs about
 * (2 + observables) state passes per gate, whatever the number of inputs.
 */
import type { PauliSum } from "../observables";
import { runPlan, type StateVector } from "../statevector";
import { chainRule } from "./chain-rule";
import type { Evaluator } from "./evaluator";
import { adjointStep, applyPauliSum, realInner } from "./kernels";

/** Scratch arrays per evaluator: per-angle derivatives, one gate's sums, kernel scratch. */
interface Scratch {
  byAngle: Float64Array;
  sums: Float64Array;
  kernel: Float64Array;
}
const scratch = new WeakMap<Evaluator, Scratch>();

function scratchFor(ev: Evaluator, size: number): Scratch {
  let s = scratch.get(ev);
  if (s === undefined || s.byAngle.length < size) {
    s = {
      byAngle: new Float64Array(size),
      sums: new Float64Array(4),
      kernel: new Float64Array(16),
    };
    scratch.set(ev, s);
  }
  return s;
}

/**
 * Writes ⟨H_m⟩ into `values[m]` and ∂⟨H_m⟩/∂θ_j into `gradients[m][j]`, at `inputs`.
 */
export function adjointGradient(
  ev: Evaluator,
  inputs: Float64Array,
  observables: readonly PauliSum[],
  values: Float64Array,
  gradients: readonly Float64Array[],
): void {
  const tape = ev.tape;
  const psi = ev.run(inputs);
  const count = observables.length;
  if (count === 0) return;
  const lambdas: StateVector[] = [];
  for (let m = 0; m < count; m++) {
    const lambda = ev.buffer(m);
    lambdas.push(lambda);
    applyPauliSum(observables[m], psi.amps, lambda.amps);
    values[m] = realInner(psi.amps, lambda.amps);
  }
  const slotCount = tape.slots.length;
  const { byAngle, sums, kernel } = scratchFor(ev, count * slotCount);
  byAngle.fill(0);
  for (let i = tape.steps.length - 1; i >= 0; i--) {
    const step = tape.steps[i];
    if (step.kind === "fixed") {
      for (const plan of step.inverse) {
        runPlan(psi, plan);
        for (const lambda of lambdas) runPlan(lambda, plan);
      }
      continue;
    }
    const gate = tape.gates[step.gate];
    const slots = tape.slotsOf[step.gate];
    for (let j = 0; j < slots.length; j++) {
      const slot = tape.slots[slots[j]];
      if (slot.rule === "zero") gate.derivativeViews[j].fill(0);
      else gate.family.derivative(gate.values, slot.param, gate.derivativeViews[j]);
    }
    for (let m = 0; m < count; m++) {
      sums.fill(0);
      adjointStep(
        psi.amps,
        lambdas[m].amps,
        psi.dim,
        gate.pos,
        gate.value,
        gate.offsets,
        gate.backward,
        gate.derivatives,
        slots.length,
        sums,
        m === 0,
        kernel,
      );
      for (let j = 0; j < slots.length; j++) byAngle[m * slotCount + slots[j]] = 2 * sums[j];
    }
  }
  chainRule(tape, inputs, byAngle, gradients);
}
