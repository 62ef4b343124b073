"use client";

import "./experiment.css";

import type { ExperimentProgress } from "@/lib/qml/experiments/result";

import { LossCurve } from "./training-charts";
import { fixed, percent } from "./format";

/** A running experiment: where it is, its numbers so far, the live curve and Cancel. */
export function ExperimentProgressView({
  progress,
  onCancel,
}: {
  progress: readonly ExperimentProgress[];
  onCancel: () => void;
}) {
  const latest = progress.at(-1);
  const steps = progress.filter((p) => p.loss !== undefined && p.step > 0);
  return (
    <div className="experiment-progress">
      <p className="cell__running">
        {/* First, so it stays put while the numbers beside it change. */}
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>{" "}
        <span className="spinner" aria-hidden="true" />{" "}
        <span role="status">
          {latest ? (
            <>
              {latest.phase} — step {latest.step}
              {latest.total ? ` of ${latest.total}` : ""}
              {latest.loss !== undefined ? `, loss ${fixed(latest.loss)}` : ""}
              {latest.value !== undefined ? `, value ${fixed(latest.value)}` : ""}
              {latest.trainAccuracy !== undefined ? `, train ${percent(latest.trainAccuracy)}` : ""}
              {latest.testAccuracy !== undefined ? `, test ${percent(latest.testAccuracy)}` : ""}
              {latest.gradientNorm !== undefined ? `, |∇| ${fixed(latest.gradientNorm)}` : ""},{" "}
              {latest.circuits} circuits{latest.shots ? `, ${latest.shots} shots` : ""},{" "}
              {(latest.elapsedMs / 1000).toFixed(1)} s
            </>
          ) : (
            "Starting…"
          )}
        </span>
      </p>
      {steps.length > 1 ? <LossCurve history={steps} label="Loss so far" /> : null}
    </div>
  );
}
