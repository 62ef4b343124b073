import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import {
  type CheckResponse,
  ExerciseFeedbackView,
} from "@/app/_components/notebook/exercise-feedback";
import { probabilityComparison, stateComparison } from "@/lib/grading/compare";
import { EQUIVALENCE, type ExerciseFeedback } from "@/lib/grading/feedback";
import { StateVector } from "@/lib/quantum/statevector";

/** A failed answer's feedback as the check route sends it, around a real comparison. */
function failed(feedback: Pick<ExerciseFeedback, "kind" | "comparison">): CheckResponse {
  return {
    feedback: {
      ...feedback,
      passed: false,
      equivalence: EQUIVALENCE[feedback.kind],
      threshold: 0.05,
      failedConstraints: [],
      message: "Not the target yet.",
    },
    failedAttempts: 1,
    hints: [],
    hintsTotal: 0,
    solutionAfter: 3,
    solutionHtml: null,
    signedIn: true,
  };
}

describe("exercise feedback", () => {
  it("captions a probability comparison in plain English plurals", () => {
    const comparison = probabilityComparison(
      new Map([["0", 1]]),
      new Map([
        ["0", 0.5],
        ["1", 0.5],
      ]),
      "classical bits",
    );
    const html = renderToStaticMarkup(
      createElement(ExerciseFeedbackView, {
        response: failed({ kind: "distribution", comparison }),
      }),
    );
    expect(html).toContain("Probabilities over classical bits");
    expect(html).not.toContain("Probabilitys");
  });

  it("captions an amplitude comparison", () => {
    // |0⟩ against |1⟩, amplitudes interleaved re, im.
    const comparison = stateComparison(
      new StateVector(1, Float64Array.of(1, 0, 0, 0)),
      new StateVector(1, Float64Array.of(0, 0, 1, 0)),
    );
    const html = renderToStaticMarkup(
      createElement(ExerciseFeedbackView, { response: failed({ kind: "state", comparison }) }),
    );
    expect(html).toContain("Amplitudes over qubits");
  });
});
