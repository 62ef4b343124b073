"use client";

import { useCallback } from "react";

import type { Landscape } from "@/lib/qml/experiments/result";

import { HEIGHT, WIDTH, type PlotModule } from "./chart-frame";
import { fixed } from "./format";
import { PlotFigure } from "./plot-figure";

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
