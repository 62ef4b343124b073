/**
 * `kind: distribution`: the learner's outcome probabilities against a target distribution (or
 * the reference program's), by total variation distance ½Σ|p − q|. Probabilities are exact (see
 * branches.ts), never sampled, so a correct circuit passes on every attempt. Phases do not
 * matter here: any circuit with the right statistics passes.
 *
 * Outcomes are the circuit's classical bits when it measures (as in its counts), or all of its
 * qubits when it measures nothing; the feedback says which.
 */
import { finalBranches, outcomeProbabilities } from "./branches";
import { probabilityComparison, totalVariation } from "./compare";
import { COMPARISON_SLACK, formatAgainst, type CheckOutcome } from "./feedback";
import { compileReference, plural, type GradeOptions, type Program } from "./programs";
import type { Check } from "./schemas";

export type DistributionCheck = Extract<Check, { kind: "distribution" }>;

export interface Outcomes {
  readonly probabilities: Map<string, number>;
  readonly over: "qubits" | "classical bits";
  /** Bits per outcome. */
  readonly width: number;
}

export function outcomesOf(program: Program, options: GradeOptions): Outcomes {
  const { circuit, shape } = program;
  const branches = finalBranches(circuit, shape, options.limits);
  return {
    probabilities: outcomeProbabilities(circuit, shape, branches),
    over: shape.measures ? "classical bits" : "qubits",
    width: shape.measures ? circuit.numClbits : circuit.numQubits,
  };
}

function targetOutcomes(check: DistributionCheck, options: GradeOptions): Outcomes {
  if (check.target !== undefined) {
    const probabilities = new Map<string, number>();
    for (const [key, p] of Object.entries(check.target)) {
      const bits = key.replace(/ /g, "");
      probabilities.set(bits, (probabilities.get(bits) ?? 0) + p);
    }
    const width = probabilities.keys().next().value?.length ?? 0;
    return { probabilities, over: "classical bits", width };
  }
  return outcomesOf(compileReference(check.reference!, options), options);
}

const overText = (o: Outcomes): string =>
  o.over === "classical bits"
    ? "over your measured classical bits"
    : "over all your qubits, since your circuit measures nothing";

export function checkDistribution(
  check: DistributionCheck,
  learner: Program,
  options: GradeOptions,
): CheckOutcome {
  const target = targetOutcomes(check, options);
  const mine = outcomesOf(learner, options);
  if (mine.width !== target.width) {
    const yours =
      mine.over === "classical bits"
        ? `your circuit has ${plural(mine.width, "classical bit")}`
        : `your circuit measures nothing, so its outcomes are its ${plural(mine.width, "qubit")}`;
    return {
      passed: false,
      message: `The target's outcomes have ${plural(target.width, "bit")} but ${yours}; measure the right qubits into a register of ${target.width} bits.`,
      details: {
        comparison: probabilityComparison(mine.probabilities, target.probabilities, mine.over),
      },
    };
  }
  const distance = totalVariation(mine.probabilities, target.probabilities);
  const passed = distance <= check.maxDistance + COMPARISON_SLACK;
  const shown = formatAgainst(distance, check.maxDistance);
  return {
    passed,
    message: passed
      ? `Your outcome probabilities match the target (total variation distance ${shown} ≤ ${check.maxDistance}, computed exactly ${overText(mine)}).`
      : `Your outcome probabilities are too far from the target (total variation distance ${shown} > ${check.maxDistance}, computed exactly ${overText(mine)}); compare them below.`,
    details: {
      distance,
      comparison: probabilityComparison(mine.probabilities, target.probabilities, mine.over),
    },
  };
}
