/**
 * Barren plateaus, measured: how the gradient of a cost shrinks as the circuit widens. The cell's
 * circuit is written once, for the largest width; for each width k in `qubits` the study uses its
 * first k qubits (lib/quantum/restrict.ts: every operation that touches a qubit ≥ k is dropped,
 * and inputs no remaining gate uses are no longer drawn), draws `samples` parameter sets uniformly
 * in [0, 2π), and takes the exact derivative ∂⟨observable⟩/∂parameter at each by adjoint
 * differentiation. Its variance against k, on a log scale, is the plateau: an exponential decay
 * shows as a straight line, whose slope (least squares on ln Var) is reported as the decay rate.
 *
 * Each width draws from its own generator, seeded by the experiment's seed and the width, so
 * adding or removing a width leaves the others' numbers unchanged.
 */
import { checkQubits, parsePauliSum, type PauliSum } from "@/lib/quantum/observables";
import { createRng } from "@/lib/quantum/sample";

import { ExperimentFieldError } from "./field-error";
import type { CircuitModel } from "./model";
import type { ExperimentResult, HistoryEntry, PlateauPoint, PlateauView } from "./result";
import type { PlateauSpec } from "./spec";
import type { Tracker } from "./tracker";

const TWO_PI = 2 * Math.PI;

/** The observable at width k: `global`, `local`, or the spec's Pauli sum (the same at every k). */
export function plateauObservable(text: string, k: number, smallest: number): PauliSum {
  if (text === "global") {
    return parsePauliSum(Array.from({ length: k }, (_, q) => `Z${q}`).join("*"));
  }
  if (text === "local") {
    if (smallest < 2) {
      throw new ExperimentFieldError(
        ["observable"],
        `\`local\` is Z0*Z1, which needs at least 2 qubits; the smallest width is ${smallest}`,
      );
    }
    return parsePauliSum("Z0*Z1");
  }
  try {
    const sum = parsePauliSum(text);
    checkQubits(sum, smallest);
    return sum;
  } catch (error) {
    throw new ExperimentFieldError(
      ["observable"],
      `${(error as Error).message} (the observable is measured at every width, the smallest being ${smallest} qubits)`,
    );
  }
}

/** Least squares of ln(variance) against the width, over widths with a non-zero variance. */
export function fitDecay(
  points: readonly { readonly qubits: number; readonly variance: number }[],
): PlateauView["fit"] {
  const usable = points.filter((p) => p.variance > 0 && Number.isFinite(p.variance));
  if (usable.length < 2) return undefined;
  const xs = usable.map((p) => p.qubits);
  const ys = usable.map((p) => Math.log(p.variance));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
  });
  const rate = sxy / sxx;
  return { rate, intercept: my - rate * mx };
}

function meanAndVariance(samples: readonly number[]): { mean: number; variance: number } {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const squares = samples.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/** The checks of a spec against its circuit (the exporters make them too). */
export function checkPlateau(spec: PlateauSpec, model: CircuitModel): void {
  if (!model.parameters.includes(spec.parameter)) {
    throw new ExperimentFieldError(
      ["parameter"],
      `the circuit declares no \`input float ${spec.parameter};\``,
    );
  }
  for (const name of Object.keys(spec.values)) {
    if (!model.parameters.includes(name)) {
      throw new ExperimentFieldError(
        ["values", name],
        `the circuit declares no \`input float ${name};\``,
      );
    }
  }
  spec.qubits.forEach((k, i) => {
    if (k > model.numQubits) {
      throw new ExperimentFieldError(
        ["qubits", i],
        `the circuit has ${model.numQubits} qubits, so it has no first ${k}; write it for the largest width`,
      );
    }
  });
}

export function runPlateau(
  spec: PlateauSpec,
  model: CircuitModel,
  tracker: Tracker,
): Omit<ExperimentResult, "seed" | "elapsedMs"> {
  checkPlateau(spec, model);
  const smallest = spec.qubits[0];
  const history: HistoryEntry[] = [];
  const points: PlateauPoint[] = [];
  const lines: string[] = [];
  for (const [index, k] of spec.qubits.entries()) {
    const observable = plateauObservable(spec.observable, k, smallest);
    const sub = model.restrictedTo(k);
    const used = sub.inputsUsed();
    if (!used.includes(spec.parameter)) {
      throw new ExperimentFieldError(
        ["parameter"],
        `on the first ${k} qubits no gate uses \`${spec.parameter}\`: choose a parameter of a gate on qubit 0 to ${smallest - 1}`,
      );
    }
    const random = used.filter((name) => !(name in spec.values));
    const rng = createRng((spec.seed * 2654435761 + k * 0x9e3779b9) >>> 0);
    // Inputs of dropped gates have no effect; 0 is as good a value as any.
    const values: Record<string, number> = Object.fromEntries(
      model.parameters.map((name) => [name, 0]),
    );
    Object.assign(values, spec.values);
    const derivatives: number[] = [];
    for (let s = 1; s <= spec.samples; s++) {
      for (const name of random) values[name] = TWO_PI * rng.next();
      const { gradient } = sub.gradient(values, observable, [spec.parameter], "adjoint");
      derivatives.push(gradient[0]);
      tracker.phase(`${k} qubits: parameter set ${s} of ${spec.samples}`, spec.qubits.length);
    }
    const { mean, variance } = meanAndVariance(derivatives);
    points.push({
      qubits: k,
      observable: observable.text,
      randomInputs: random.length,
      mean,
      variance,
    });
    history.push(
      tracker.step(
        { step: index + 1, qubits: k, mean, value: variance },
        `${k} qubits`,
        spec.qubits.length,
      ),
    );
    lines.push(
      `${k} qubits, ⟨${observable.text}⟩, ${random.length} random inputs: mean ${mean.toExponential(3)}, Var ${variance.toExponential(3)}.`,
    );
  }
  const fit = fitDecay(points);
  const plateau: PlateauView = {
    parameter: spec.parameter,
    samples: spec.samples,
    points,
    ...(fit ? { fit } : {}),
  };
  return {
    kind: "plateau",
    history,
    metrics: {
      widths: points.length,
      ...(fit ? { decayRate: fit.rate, factorPerQubit: Math.exp(fit.rate) } : {}),
    },
    plateau,
    trace: [
      `At each width k the circuit is cut to its first k qubits: every operation that touches a qubit ≥ k is dropped, and inputs no remaining gate uses are not drawn. ${spec.samples} parameter sets per width, each input uniform in [0, 2π)${Object.keys(spec.values).length ? ` (except ${Object.keys(spec.values).join(", ")}, held fixed)` : ""}; ∂⟨observable⟩/∂${spec.parameter} exactly, by adjoint differentiation.`,
      ...lines,
      fit
        ? `Fit: ln Var ≈ ${fit.intercept.toFixed(3)} ${fit.rate < 0 ? "−" : "+"} ${Math.abs(fit.rate).toFixed(3)}·k, so the variance changes by a factor ${Math.exp(fit.rate).toFixed(3)} per added qubit${fit.rate < 0 ? ` (it halves every ${(Math.LN2 / -fit.rate).toFixed(2)} qubits)` : ""}.`
        : "No fit: it needs at least two widths with a non-zero variance.",
    ],
  };
}
