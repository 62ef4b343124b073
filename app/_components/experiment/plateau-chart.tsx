"use client";

import { useCallback } from "react";

import type { PlateauView } from "@/lib/qml/experiments/result";

import { HEIGHT, WIDTH, type PlotModule } from "./chart-frame";
import { fixed } from "./format";
import { PlotFigure } from "./plot-figure";

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
