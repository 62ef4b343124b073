/**
 * The kernel-backend seam: what runs a sequence of plans over a state. The TypeScript kernels
 * (run-plan.ts) are the reference backend and always available; a host (the simulation worker,
 * the command-line simulator, tests, the bench) may install another one, e.g. the WebAssembly
 * kernels of wasm-backend.ts, which must give the same amplitudes. The engine never loads files
 * itself: the host reads the compiled module and hands it over.
 */
import type { StateVector } from "../statevector";
import { runPlan, type Plan } from "./run-plan";

/** A deadline to check between steps (trajectory.ts's Clock). */
export interface DeadlineCheck {
  check(): void;
}

export interface KernelBackend {
  /** "ts" for the reference kernels, "wasm" for the WebAssembly ones. */
  readonly name: string;
  /** Applies `plans` in order to `state`, checking `clock` between steps. */
  run(state: StateVector, plans: readonly Plan[], clock?: DeadlineCheck): void;
}

export const tsBackend: KernelBackend = {
  name: "ts",
  run(state, plans, clock) {
    for (const plan of plans) {
      clock?.check();
      runPlan(state, plan);
    }
  },
};

let installed: KernelBackend = tsBackend;

/** The backend `runPlans` uses. */
export function kernelBackend(): KernelBackend {
  return installed;
}

/** Makes `backend` the one `runPlans` uses (tsBackend restores the reference). */
export function installKernelBackend(backend: KernelBackend): void {
  installed = backend;
}
