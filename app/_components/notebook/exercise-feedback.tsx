import type { ExerciseFeedback } from "@/lib/grading/feedback";

import { ExperimentFeedbackView } from "./experiment-feedback";

export interface CheckResponse {
  feedback: ExerciseFeedback;
  failedAttempts: number;
  hints: string[];
  hintsTotal: number;
  solutionAfter: number;
  solutionHtml: string | null;
  signedIn: boolean;
}

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;
const complex = ([re, im]: [number, number]) =>
  `${re.toFixed(3)} ${im < 0 ? "−" : "+"} ${Math.abs(im).toFixed(3)}i`;

/** Why an answer passed or failed, in quantum terms: the numbers, the comparison, the hints. */
export function ExerciseFeedbackView({ response }: { response: CheckResponse }) {
  const { feedback } = response;
  const measure =
    // An experiment's numbers are in its own table below.
    feedback.experiment !== undefined
      ? null
      : feedback.fidelity !== undefined
        ? `fidelity ${percent(feedback.fidelity)} (needs ≥ ${percent(feedback.threshold)})`
        : feedback.distance !== undefined
          ? `total variation distance ${feedback.distance.toFixed(4)} (needs ≤ ${feedback.threshold})`
          : feedback.value !== undefined
            ? `value ${feedback.value.toFixed(4)}, target ${feedback.target?.toFixed(4)} ± ${feedback.threshold}`
            : null;
  const remaining = Math.max(0, response.solutionAfter - response.failedAttempts);
  return (
    <div
      className={`feedback ${feedback.passed ? "feedback--pass" : "feedback--fail"}`}
      role="status"
      aria-live="polite"
    >
      <p className="feedback__verdict">
        <strong>{feedback.passed ? "✓ Correct" : "✗ Not yet"}</strong> — {feedback.message}
      </p>
      <p className="feedback__detail">
        Compared: {feedback.equivalence}
        {measure ? ` · ${measure}` : ""}
        {feedback.inputsTried ? ` · inputs tried: ${feedback.inputsTried.join(", ")}` : ""}
      </p>
      {feedback.failedConstraints.length > 0 ? (
        <ul className="feedback__constraints">
          {feedback.failedConstraints.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
      {feedback.experiment ? <ExperimentFeedbackView feedback={feedback.experiment} /> : null}
      {feedback.comparison && !feedback.passed ? (
        <ComparisonTable comparison={feedback.comparison} />
      ) : null}
      {feedback.counterexample && !feedback.passed ? (
        <>
          <p className="feedback__detail">
            On input {feedback.counterexample.input} the outputs overlap only{" "}
            {percent(feedback.counterexample.fidelity)}:
          </p>
          <ComparisonTable comparison={feedback.counterexample.outputs} />
        </>
      ) : null}
      {response.hints.length > 0 ? (
        <section className="feedback__hints" aria-label="Hints">
          <h4>
            Hints ({response.hints.length} of {response.hintsTotal})
          </h4>
          <ol>
            {response.hints.map((html, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: html }} />
            ))}
          </ol>
        </section>
      ) : null}
      {response.solutionHtml ? (
        <details className="feedback__solution">
          <summary>Worked solution</summary>
          <div className="prose" dangerouslySetInnerHTML={{ __html: response.solutionHtml }} />
        </details>
      ) : !feedback.passed ? (
        <p className="feedback__detail">
          {response.signedIn
            ? remaining > 0
              ? `The worked solution opens after ${remaining} more ${remaining === 1 ? "attempt" : "attempts"}.`
              : ""
            : "Sign in to keep your attempts and unlock the worked solution."}
        </p>
      ) : null}
    </div>
  );
}

/** Plural nouns for the caption, spelled out: "probability" does not take a plain "s". */
const COMPARED_VALUES: Record<NonNullable<ExerciseFeedback["comparison"]>["values"], string> = {
  amplitudes: "Amplitudes",
  probabilities: "Probabilities",
};

function ComparisonTable({
  comparison,
}: {
  comparison: NonNullable<ExerciseFeedback["comparison"]>;
}) {
  return (
    <table className="feedback__table">
      <caption>
        {COMPARED_VALUES[comparison.values]} over {comparison.over} (Qiskit order, highest index
        first)
        {comparison.truncated ? "; largest rows only" : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">Outcome</th>
          <th scope="col">Yours</th>
          <th scope="col">Target</th>
        </tr>
      </thead>
      <tbody>
        {comparison.values === "amplitudes"
          ? comparison.rows.map((row) => (
              <tr key={row.basis}>
                <th scope="row">|{row.basis}⟩</th>
                <td>{complex(row.learner)}</td>
                <td>{complex(row.target)}</td>
              </tr>
            ))
          : comparison.rows.map((row) => (
              <tr key={row.basis}>
                <th scope="row">{row.basis}</th>
                <td>{row.learner.toFixed(4)}</td>
                <td>{row.target === null ? "—" : row.target.toFixed(4)}</td>
              </tr>
            ))}
      </tbody>
    </table>
  );
}
