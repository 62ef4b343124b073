"use client";

import "./experiment.css";

import type { ExperimentResult } from "@/lib/qml/experiments/result";

import { EnergyCurve } from "./energy-curve";
import { KernelMatrix } from "./kernel-chart";
import { LandscapeChart } from "./landscape-chart";
import { PlateauChart } from "./plateau-chart";
import { AccuracyCurves, DecisionBoundary, LossCurve } from "./training-charts";
import { fixed, percent } from "./format";

const METRIC_LABELS: Record<string, { label: string; format: (x: number) => string }> = {
  trainAccuracy: { label: "Train accuracy", format: percent },
  testAccuracy: { label: "Test accuracy", format: percent },
  loss: { label: "Final loss", format: (x) => fixed(x) },
  energy: { label: "Energy (Ha)", format: (x) => fixed(x, 6) },
  exactEnergy: { label: "Exact energy (Ha)", format: (x) => fixed(x, 6) },
  errorMilliHartree: { label: "Error (mHa)", format: (x) => fixed(x, 3) },
  value: { label: "Final value", format: (x) => fixed(x) },
  exactMinimum: { label: "Exact minimum", format: (x) => fixed(x) },
  ratio: { label: "Approximation ratio", format: (x) => fixed(x, 3) },
  minimum: { label: "Lowest value", format: (x) => fixed(x) },
  points: { label: "Grid points", format: (x) => String(x) },
  parameters: { label: "Trained parameters", format: (x) => String(x) },
  supportVectors: { label: "Support vectors", format: (x) => String(x) },
  widths: { label: "Widths studied", format: (x) => String(x) },
  decayRate: { label: "Decay rate of ln Var per qubit", format: (x) => fixed(x, 3) },
  factorPerQubit: { label: "Variance factor per added qubit", format: (x) => fixed(x, 3) },
};

/** Everything an experiment produced: numbers first, then curves, maps and the trace. */
export function ExperimentOutput({ result }: { result: ExperimentResult }) {
  const metrics = Object.entries(result.metrics);
  return (
    <div className="experiment-output">
      <table className="experiment-output__metrics">
        <caption>
          Result ({(result.elapsedMs / 1000).toFixed(2)} s, seed {result.seed}
          {result.history.length ? `, ${result.history.at(-1)!.circuits} circuits` : ""})
        </caption>
        <tbody>
          {metrics.map(([name, value]) => {
            const known = Object.hasOwn(METRIC_LABELS, name) ? METRIC_LABELS[name] : undefined;
            return (
              <tr key={name}>
                <th scope="row">{known?.label ?? name}</th>
                <td>{(known?.format ?? ((x: number) => fixed(x)))(value)}</td>
              </tr>
            );
          })}
          {result.baselines?.map((b) => (
            <tr key={b.name}>
              <th scope="row">Baseline: {b.name}</th>
              <td>
                {percent(b.trainAccuracy)} train, {percent(b.testAccuracy)} test
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.dataset ? (
        <p className="experiment-output__dataset">
          Data: {result.dataset.title} — {result.dataset.train} training and {result.dataset.test}{" "}
          test points. {result.dataset.provenance} Licence: {result.dataset.licence}.
        </p>
      ) : null}
      {result.kind === "train" || result.kind === "minimise" ? (
        <LossCurve
          history={result.history}
          label={result.kind === "train" ? "Training loss" : "Energy"}
        />
      ) : null}
      {result.kind === "train" ? <AccuracyCurves history={result.history} /> : null}
      {result.decision && result.dataset ? (
        <DecisionBoundary map={result.decision} features={result.dataset.features} />
      ) : null}
      {result.kernel ? <KernelMatrix kernel={result.kernel} /> : null}
      {result.landscape ? (
        <LandscapeChart
          landscape={result.landscape}
          label={result.kind === "minimise" ? "Cost" : "Value"}
        />
      ) : null}
      {result.plateau ? <PlateauChart plateau={result.plateau} /> : null}
      {result.curve ? <EnergyCurve curve={result.curve} /> : null}
      {result.parameters?.length ? (
        <details className="experiment-output__parameters">
          <summary>Parameters ({result.parameters.length})</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {result.parameters.map((p) => (
                <tr key={p.name}>
                  <th scope="row">{p.name}</th>
                  <td>{fixed(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <details className="experiment-output__trace" open>
        <summary>What the hybrid loop did</summary>
        <ol>
          {result.trace.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
