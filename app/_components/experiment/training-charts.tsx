"use client";

import { useCallback } from "react";

import type { DecisionMap, HistoryEntry } from "@/lib/qml/experiments/result";

import { HEIGHT, WIDTH, type PlotModule } from "./chart-frame";
import { fixed, percent } from "./format";
import { PlotFigure } from "./plot-figure";

/** Loss (or objective) against the step. */
export function LossCurve({
  history,
  label = "Loss",
}: {
  history: readonly HistoryEntry[];
  label?: string;
}) {
  const data = history.filter((h) => h.loss !== undefined);
  const draw = useCallback(
    (Plot: PlotModule) =>
      Plot.plot({
        width: WIDTH,
        height: HEIGHT,
        x: { label: "Step" },
        y: { label, grid: true },
        marks: [
          Plot.lineY(data, { x: "step", y: "loss", stroke: "currentColor" }),
          Plot.ruleY([0]),
        ],
      }),
    [data, label],
  );
  if (data.length === 0) return null;
  return (
    <PlotFigure
      draw={draw}
      label={`${label} against the step, from ${fixed(data[0].loss)} to ${fixed(data.at(-1)!.loss)}`}
      caption={`${label} at each step (${data.length} steps).`}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">{label}</th>
              <th scope="col">|∇|</th>
              <th scope="col">Circuits</th>
            </tr>
          </thead>
          <tbody>
            {data.map((h) => (
              <tr key={h.step}>
                <td>{h.step}</td>
                <td>{fixed(h.loss)}</td>
                <td>{fixed(h.gradientNorm)}</td>
                <td>{h.circuits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** Train and test accuracy against the step. */
export function AccuracyCurves({ history }: { history: readonly HistoryEntry[] }) {
  const data = history.flatMap((h) =>
    h.trainAccuracy === undefined
      ? []
      : [
          { step: h.step, accuracy: h.trainAccuracy, set: "train" },
          { step: h.step, accuracy: h.testAccuracy ?? NaN, set: "test" },
        ],
  );
  const draw = useCallback(
    (Plot: PlotModule) =>
      Plot.plot({
        width: WIDTH,
        height: HEIGHT,
        x: { label: "Step" },
        y: { label: "Accuracy", domain: [0, 1], grid: true, tickFormat: "%" },
        color: { legend: true, domain: ["train", "test"] },
        marks: [
          Plot.lineY(
            data.filter((d) => d.set === "train"),
            { x: "step", y: "accuracy", stroke: "set" },
          ),
          Plot.lineY(
            data.filter((d) => d.set === "test"),
            { x: "step", y: "accuracy", stroke: "set", strokeDasharray: "4 3" },
          ),
        ],
      }),
    [data],
  );
  if (data.length === 0) return null;
  const rows = history.filter((h) => h.trainAccuracy !== undefined);
  const last = rows.at(-1)!;
  return (
    <PlotFigure
      draw={draw}
      label={`Accuracy against the step; at the end ${percent(last.trainAccuracy)} on training data and ${percent(last.testAccuracy)} on test data`}
      caption="Accuracy on the training set (solid) and on the held-out test set (dashed)."
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Train</th>
              <th scope="col">Test</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.step}>
                <td>{h.step}</td>
                <td>{percent(h.trainAccuracy)}</td>
                <td>{percent(h.testAccuracy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** The decision function as a heat map, with the training and test points on top. */
export function DecisionBoundary({
  map,
  features,
}: {
  map: DecisionMap;
  features: readonly string[];
}) {
  const draw = useCallback(
    (Plot: PlotModule) => {
      const cells = map.ys.flatMap((y, j) => map.xs.map((x, i) => ({ x, y, f: map.values[j][i] })));
      const dx = (map.xs[1] - map.xs[0]) / 2;
      const dy = (map.ys[1] - map.ys[0]) / 2;
      const points = map.points.map((p) => ({
        x: p.x[0],
        y: p.x[1],
        label: p.label > 0 ? "class 1" : "class 0",
        split: p.split,
      }));
      return Plot.plot({
        width: 420,
        height: 420,
        x: { label: `${features[0]} (scaled)` },
        y: { label: `${features[1]} (scaled)` },
        color: { type: "diverging", scheme: "PuOr", pivot: 0, legend: true, label: "f(x)" },
        symbol: { legend: true, domain: ["train", "test"], range: ["circle", "diamond"] },
        marks: [
          Plot.rect(cells, {
            x1: (d: { x: number }) => d.x - dx,
            x2: (d: { x: number }) => d.x + dx,
            y1: (d: { y: number }) => d.y - dy,
            y2: (d: { y: number }) => d.y + dy,
            fill: "f",
          }),
          Plot.contour(map.values.flat(), {
            x1: map.xs[0],
            x2: map.xs.at(-1)!,
            y1: map.ys[0],
            y2: map.ys.at(-1)!,
            width: map.xs.length,
            height: map.ys.length,
            thresholds: [0],
            stroke: "currentColor",
            strokeWidth: 2,
            fill: null,
          }),
          Plot.dot(points, {
            x: "x",
            y: "y",
            symbol: "split",
            stroke: "currentColor",
            fill: (d: { label: string }) => (d.label === "class 1" ? "#f5f5f5" : "#222"),
            r: 4,
          }),
        ],
      });
    },
    [map, features],
  );
  return (
    <PlotFigure
      draw={draw}
      label={`Decision regions of the classifier over ${features.join(" and ")}, with ${map.points.length} data points`}
      caption="Decision function f(x) over the scaled features: the boundary f = 0 is the line; light points are class 1, dark points class 0; circles are training points, diamonds test points."
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{features[0]}</th>
              <th scope="col">{features[1]}</th>
              <th scope="col">Label</th>
              <th scope="col">Set</th>
            </tr>
          </thead>
          <tbody>
            {map.points.map((p, k) => (
              <tr key={k}>
                <td>{fixed(p.x[0], 3)}</td>
                <td>{fixed(p.x[1], 3)}</td>
                <td>{p.label}</td>
                <td>{p.split}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
