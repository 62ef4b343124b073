"use client";

import { useCallback } from "react";

import type {
  CurvePoint,
  DecisionMap,
  HistoryEntry,
  KernelView,
  Landscape,
  PlateauView,
} from "@/lib/qml/experiments/result";

import { fixed, percent } from "./format";
import { PlotFigure } from "./plot-figure";

type PlotModule = typeof import("@observablehq/plot");

const WIDTH = 560;
const HEIGHT = 260;

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

/** The kernel (Gram) matrix as a heat map, and its eigenvalue spectrum. */
export function KernelMatrix({ kernel }: { kernel: KernelView }) {
  const n = kernel.matrix.length;
  const drawMatrix = useCallback(
    (Plot: PlotModule) =>
      Plot.plot({
        width: 380,
        height: 380,
        padding: 0,
        x: { label: "training point", axis: null },
        y: { label: "training point", axis: null },
        color: { scheme: "viridis", domain: [0, 1], legend: true, label: "k(x, x′)" },
        marks: [
          Plot.cell(
            kernel.matrix.flatMap((row, i) => row.map((value, j) => ({ i, j, value }))),
            { x: "j", y: "i", fill: "value", inset: 0 },
          ),
        ],
      }),
    [kernel],
  );
  const drawSpectrum = useCallback(
    (Plot: PlotModule) =>
      Plot.plot({
        width: WIDTH,
        height: 200,
        x: { label: "Eigenvalue index", tickFormat: (d: number) => (d % 5 === 0 ? String(d) : "") },
        y: { label: "Eigenvalue", grid: true, type: "log" },
        marks: [
          Plot.barY(
            kernel.spectrum.map((value, k) => ({ k, value: Math.max(value, 1e-12) })),
            { x: "k", y: "value", fill: "currentColor" },
          ),
        ],
      }),
    [kernel],
  );
  return (
    <>
      <PlotFigure
        draw={drawMatrix}
        label={`Kernel matrix of ${n} training points ordered by class; off-diagonal mean ${fixed(kernel.offDiagonalMean, 3)}`}
        caption={`Gram matrix of the ${n} training points, ordered by class (blocks on the diagonal mean the kernel separates the classes). Off-diagonal mean ${fixed(kernel.offDiagonalMean, 3)}, variance ${fixed(kernel.offDiagonalVariance, 5)}.`}
        table={
          <table>
            <tbody>
              {kernel.matrix.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{i + 1}</th>
                  {row.map((value, j) => (
                    <td key={j}>{fixed(value, 2)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <PlotFigure
        draw={drawSpectrum}
        label={`Eigenvalue spectrum of the kernel matrix, largest ${fixed(kernel.spectrum[0], 3)}`}
        caption="Eigenvalues of the Gram matrix, largest first (log scale): a few large ones and a fast decay mean the kernel sees simple structure; a flat spectrum means kernel values concentrate."
        table={
          <table>
            <tbody>
              {kernel.spectrum.map((value, k) => (
                <tr key={k}>
                  <th scope="row">{k + 1}</th>
                  <td>{fixed(value, 6)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}

/**
 * A scanned value over one or two inputs, with the minimum marked; for a minimisation, the
 * optimiser's path drawn on top (over the heat map, or over the curve), start and end marked.
 */
export function LandscapeChart({
  landscape,
  label = "Value",
}: {
  landscape: Landscape;
  label?: string;
}) {
  const [first, second] = landscape.axes;
  const path = landscape.path ?? [];
  const draw = useCallback(
    (Plot: PlotModule) => {
      const path = landscape.path ?? [];
      const ends = path.length
        ? [
            { ...path[0], label: "start" },
            { ...path.at(-1)!, label: "end" },
          ]
        : [];
      if (!second) {
        const data = first.values.map((x, i) => ({ x, value: (landscape.values as number[])[i] }));
        const walk = path.map((p) => ({ x: p.at[0], value: p.value }));
        const marks = ends.map((p) => ({ x: p.at[0], value: p.value, label: p.label }));
        return Plot.plot({
          width: WIDTH,
          height: HEIGHT,
          x: { label: first.name },
          y: { label, grid: true },
          marks: [
            Plot.lineY(data, { x: "x", y: "value", stroke: "currentColor" }),
            Plot.dot([{ x: landscape.minimum.at[0], value: landscape.minimum.value }], {
              x: "x",
              y: "value",
              r: 5,
              fill: "currentColor",
            }),
            Plot.line(walk, { x: "x", y: "value", stroke: "#d62728", strokeWidth: 1.5 }),
            Plot.dot(walk, { x: "x", y: "value", r: 2, fill: "#d62728" }),
            Plot.dot(marks, {
              x: "x",
              y: "value",
              r: 6,
              stroke: "#d62728",
              strokeWidth: 2,
              symbol: (d: { label: string }) => (d.label === "start" ? "circle" : "square"),
            }),
            Plot.text(marks, { x: "x", y: "value", text: "label", dy: -12 }),
          ],
        });
      }
      const walk = path.map((p) => ({ x: p.at[0], y: p.at[1] }));
      const marks = ends.map((p) => ({ x: p.at[0], y: p.at[1], label: p.label }));
      const grid = landscape.values as number[][];
      return Plot.plot({
        width: 440,
        height: 400,
        x: { label: first.name },
        y: { label: second.name },
        color: { scheme: "viridis", legend: true, label },
        marks: [
          Plot.raster(grid.flat(), {
            x1: first.values[0],
            x2: first.values.at(-1)!,
            y1: second.values[0],
            y2: second.values.at(-1)!,
            width: first.values.length,
            height: second.values.length,
            interpolate: "nearest",
          }),
          Plot.dot([{ x: landscape.minimum.at[0], y: landscape.minimum.at[1] }], {
            x: "x",
            y: "y",
            r: 6,
            stroke: "white",
            strokeWidth: 2,
            symbol: "star",
          }),
          Plot.line(walk, { x: "x", y: "y", stroke: "white", strokeWidth: 1.5 }),
          Plot.dot(walk, { x: "x", y: "y", r: 2, fill: "white" }),
          Plot.dot(marks, {
            x: "x",
            y: "y",
            r: 6,
            stroke: "white",
            strokeWidth: 2,
            symbol: (d: { label: string }) => (d.label === "start" ? "circle" : "square"),
          }),
          Plot.text(marks, { x: "x", y: "y", text: "label", dy: -12, fill: "white" }),
        ],
      });
    },
    [landscape, first, second, label],
  );
  const where = landscape.axes
    .map((a, i) => `${a.name} = ${fixed(landscape.minimum.at[i], 3)}`)
    .join(", ");
  const held = landscape.held?.length
    ? ` Other weights held at their start values (${landscape.held.map((w) => `${w.name} = ${fixed(w.value, 3)}`).join(", ")}); the path's values are the cost at the optimiser's full weights, which move off this slice.`
    : "";
  const walked = path.length
    ? ` The optimiser's path: ${path.length - 1} steps from the start (circle) to the end (square), ${label.toLowerCase()} ${fixed(path[0].value)} → ${fixed(path.at(-1)!.value)}.`
    : "";
  return (
    <PlotFigure
      draw={draw}
      label={`${label} over ${landscape.axes.map((a) => a.name).join(" and ")}; lowest ${fixed(landscape.minimum.value)} at ${where}${path.length ? `; the optimiser's path of ${path.length - 1} steps drawn on top` : ""}`}
      caption={`${label} over ${landscape.axes.map((a) => a.name).join(" × ")}. Lowest value ${fixed(landscape.minimum.value)} at ${where} (marked).${walked}${held}`}
      table={
        <>
          {landscapeTable(landscape, label)}
          {path.length ? <PathTable landscape={landscape} label={label} /> : null}
        </>
      }
    />
  );
}

/** The optimiser's path, step by step: the weights on the axes and the cost there. */
function PathTable({ landscape, label }: { landscape: Landscape; label: string }) {
  return (
    <table>
      <caption>The optimiser&apos;s path</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          {landscape.axes.map((a) => (
            <th key={a.name} scope="col">
              {a.name}
            </th>
          ))}
          <th scope="col">{label}</th>
        </tr>
      </thead>
      <tbody>
        {landscape.path!.map((p) => (
          <tr key={p.step}>
            <th scope="row">{p.step === 0 ? "start" : p.step}</th>
            {p.at.map((v, i) => (
              <td key={i}>{fixed(v, 4)}</td>
            ))}
            <td>{fixed(p.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function landscapeTable(landscape: Landscape, label: string) {
  const [first, second] = landscape.axes;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{first.name}</th>
          {second ? (
            second.values.map((y, j) => (
              <th key={j} scope="col">{`${second.name} = ${fixed(y, 2)}`}</th>
            ))
          ) : (
            <th scope="col">{label}</th>
          )}
        </tr>
      </thead>
      <tbody>
        {first.values.map((x, i) => (
          <tr key={i}>
            <th scope="row">{fixed(x, 3)}</th>
            {second ? (
              (landscape.values as number[][]).map((row, j) => <td key={j}>{fixed(row[i])}</td>)
            ) : (
              <td>{fixed((landscape.values as number[])[i])}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A dissociation curve: the optimised energy at each bond length beside the exact energy. */
export function EnergyCurve({ curve }: { curve: readonly CurvePoint[] }) {
  const draw = useCallback(
    (Plot: PlotModule) =>
      Plot.plot({
        width: WIDTH,
        height: HEIGHT,
        x: { label: "Bond length (Å)" },
        y: { label: "Energy (Ha)", grid: true },
        color: { legend: true, domain: ["exact", "VQE"] },
        marks: [
          Plot.lineY(curve, { x: "bondLength", y: "exact", stroke: () => "exact" }),
          Plot.dot(curve, { x: "bondLength", y: "energy", fill: () => "VQE", r: 4 }),
        ],
      }),
    [curve],
  );
  return (
    <PlotFigure
      draw={draw}
      label={`Energy against bond length at ${curve.length} points, VQE beside the exact energy`}
      caption="Ground-state energy against bond length: the optimised (VQE) energy as points, the exact energy (diagonalisation) as a line."
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Bond length (Å)</th>
              <th scope="col">VQE (Ha)</th>
              <th scope="col">Exact (Ha)</th>
              <th scope="col">Error (mHa)</th>
            </tr>
          </thead>
          <tbody>
            {curve.map((p) => (
              <tr key={p.bondLength}>
                <td>{fixed(p.bondLength, 3)}</td>
                <td>{fixed(p.energy, 6)}</td>
                <td>{fixed(p.exact, 6)}</td>
                <td>{fixed(1000 * (p.energy - p.exact), 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/**
 * Barren plateaus: the variance of ∂⟨observable⟩/∂θ against the number of qubits on a log scale,
 * where an exponential decay is a straight line, with the least-squares fit drawn through it.
 */
export function PlateauChart({ plateau }: { plateau: PlateauView }) {
  const fit = plateau.fit;
  const draw = useCallback(
    (Plot: PlotModule) => {
      // A zero variance has no place on a log scale (and no part in the fit).
      const points = plateau.points.filter((p) => p.variance > 0);
      const ks = plateau.points.map((p) => p.qubits);
      const line = fit
        ? [Math.min(...ks), Math.max(...ks)].map((k) => ({
            qubits: k,
            variance: Math.exp(fit.intercept + fit.rate * k),
          }))
        : [];
      return Plot.plot({
        width: WIDTH,
        height: HEIGHT,
        x: { label: "Qubits", ticks: ks, tickFormat: "d" },
        y: { label: `Var[∂C/∂${plateau.parameter}]`, type: "log", grid: true },
        marks: [
          Plot.line(line, {
            x: "qubits",
            y: "variance",
            stroke: "currentColor",
            strokeDasharray: "4 3",
          }),
          Plot.dot(points, { x: "qubits", y: "variance", r: 5, fill: "currentColor" }),
        ],
      });
    },
    [plateau, fit],
  );
  const fitText = fit
    ? `Fitted decay: ln Var ≈ ${fixed(fit.intercept, 3)} ${fit.rate < 0 ? "−" : "+"} ${fixed(Math.abs(fit.rate), 3)}·k, a factor ${fixed(Math.exp(fit.rate), 3)} per added qubit (dashed).`
    : "No fit: it needs two widths with a non-zero variance.";
  return (
    <PlotFigure
      draw={draw}
      label={`Variance of the derivative by ${plateau.parameter} against the number of qubits, log scale, at ${plateau.points.length} widths`}
      caption={`Variance of ∂C/∂${plateau.parameter} over ${plateau.samples} random parameter sets at each width (log scale), the circuit cut to its first k qubits. ${fitText}`}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Qubits</th>
              <th scope="col">Observable</th>
              <th scope="col">Random inputs</th>
              <th scope="col">Mean</th>
              <th scope="col">Variance</th>
              {fit ? <th scope="col">Fit</th> : null}
            </tr>
          </thead>
          <tbody>
            {plateau.points.map((p) => (
              <tr key={p.qubits}>
                <th scope="row">{p.qubits}</th>
                <td>{p.observable}</td>
                <td>{p.randomInputs}</td>
                <td>{p.mean.toExponential(3)}</td>
                <td>{p.variance.toExponential(3)}</td>
                {fit ? (
                  <td>{Math.exp(fit.intercept + fit.rate * p.qubits).toExponential(3)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
