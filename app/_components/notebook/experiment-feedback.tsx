"use client";

import "./experiment-feedback.css";

import type { ExperimentFeedback, ExperimentRun } from "@/lib/grading/feedback";

import { AccuracyCurves, LossCurve } from "../experiment/training-charts";
import { fixed, percent } from "../experiment/format";

/** The judged number in its unit: a percentage, millihartree, or a ratio. */
function shown(feedback: ExperimentFeedback, value: number): string {
  switch (feedback.metric) {
    case "testAccuracy":
      return percent(value);
    case "energyError":
      return `${fixed(value, 3)} mHa`;
    case "ratio":
      return fixed(value, 3);
  }
}

/** The goal as the check states it: "at least 90 %" (not 90.0), "at most 1.600 mHa", "at least 0.800". */
function goalText(feedback: ExperimentFeedback): string {
  const goal =
    feedback.metric === "testAccuracy"
      ? `${Number((100 * feedback.goal).toFixed(1))} %`
      : shown(feedback, feedback.goal);
  return `${feedback.metric === "energyError" ? "at most" : "at least"} ${goal}`;
}

/** What the loss axis of a run is called: a training loss, an energy or a cost. */
const lossLabel = (feedback: ExperimentFeedback) =>
  feedback.metric === "testAccuracy"
    ? "training loss"
    : feedback.metric === "energyError"
      ? "energy (Ha)"
      : "cost ⟨H⟩";

function judged(feedback: ExperimentFeedback, run: ExperimentRun): number | undefined {
  const m = run.metrics;
  switch (feedback.metric) {
    case "testAccuracy":
      return m.testAccuracy;
    case "energyError":
      return m.errorMilliHartree === undefined ? undefined : Math.abs(m.errorMilliHartree);
    case "ratio":
      return m.ratio;
  }
}

function RunCurves({
  title,
  feedback,
  run,
}: {
  title: string;
  feedback: ExperimentFeedback;
  run: ExperimentRun;
}) {
  const label = lossLabel(feedback);
  return (
    <section className="experiment-feedback__run" aria-label={title}>
      <h5>{title}</h5>
      <LossCurve history={run.history} label={`${title}: ${label}`} />
      {feedback.metric === "testAccuracy" ? <AccuracyCurves history={run.history} /> : null}
    </section>
  );
}

/**
 * An experiment exercise's feedback: the number that was judged beside the goal and the
 * reference solution's, the fields the check fixed, and both runs' curves side by side (each
 * chart with its table twin), so the learner sees where their run fell behind.
 */
export function ExperimentFeedbackView({ feedback }: { feedback: ExperimentFeedback }) {
  const reference = judged(feedback, feedback.reference);
  return (
    <div className="experiment-feedback">
      <table className="feedback__table experiment-feedback__numbers">
        <caption>
          Your {feedback.label} beside the reference solution&apos;s, on the same fixed settings
        </caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{feedback.label}</th>
            <th scope="col">Steps</th>
            <th scope="col">Circuits</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Yours</th>
            <td>{shown(feedback, feedback.value)}</td>
            <td>{feedback.learner.history.length}</td>
            <td>{feedback.learner.history.at(-1)?.circuits ?? 0}</td>
          </tr>
          <tr>
            <th scope="row">Reference solution</th>
            <td>{reference === undefined ? "–" : shown(feedback, reference)}</td>
            <td>{feedback.reference.history.length}</td>
            <td>{feedback.reference.history.at(-1)?.circuits ?? 0}</td>
          </tr>
          <tr>
            <th scope="row">Goal</th>
            <td>{goalText(feedback)}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
      <p className="feedback__detail">Fixed by the check (your values of these are replaced):</p>
      <dl className="experiment-feedback__fixed" aria-label="Fields the check fixed">
        {feedback.fixed.map((f) => (
          <div key={f.field}>
            <dt>{f.field}</dt>
            <dd>
              <code>{f.value}</code>
            </dd>
          </div>
        ))}
        <div>
          <dt>seed</dt>
          <dd>
            <code>{feedback.seed}</code>
          </dd>
        </div>
      </dl>
      <div className="experiment-feedback__runs">
        <RunCurves title="Your run" feedback={feedback} run={feedback.learner} />
        <RunCurves title="Reference solution" feedback={feedback} run={feedback.reference} />
      </div>
    </div>
  );
}
