"use client";

import { useCallback } from "react";

import type { KernelView } from "@/lib/qml/experiments/result";

import { WIDTH, type PlotModule } from "./chart-frame";
import { fixed } from "./format";
import { PlotFigure } from "./plot-figure";

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
