"use client";

import { useCallback } from "react";

import type { CurvePoint } from "@/lib/qml/experiments/result";

import { HEIGHT, WIDTH, type PlotModule } from "./chart-frame";
import { fixed } from "./format";
import { PlotFigure } from "./plot-figure";

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
