import "./outputs.css";
import "./histogram.css";

import type { SimulationResult } from "@/lib/quantum/result";

import { formatInteger, formatPercent, fixed } from "./format-model";
import {
  axisCaption,
  DEFAULT_TOP_K,
  describeBar,
  formatBarValue,
  histogramData,
  histogramGeometry,
  tooltipBox,
} from "./histogram-model";

export interface HistogramProps {
  result: Pick<SimulationResult, "counts" | "probabilities" | "numQubits" | "numClbits" | "shots">;
  /** Bars shown before the rest are summed into "others" (default 16). */
  topK?: number;
  /**
   * Number of classical registers, for the bit-order caption. Defaults to the number of
   * space-separated groups in the counts keys (Qiskit joins registers with one space).
   */
  registerCount?: number;
}

/**
 * Measured counts as bars (or the final state's probabilities when nothing is measured).
 *
 * Hover and keyboard focus show a tooltip through CSS alone (`.out-hit:hover/:focus .out-tip`),
 * so the chart needs no client JavaScript. The SVG is a labelled group rather than role="img"
 * because an image's children are presentational: the focusable bars would lose their names.
 * Each bar is its own role="img" with the exact count and percentage as its name.
 */
export function Histogram({ result, topK = DEFAULT_TOP_K, registerCount }: HistogramProps) {
  const kind = result.counts ? "counts" : "probabilities";
  const firstKey = Object.keys(result.counts ?? {})[0] ?? "";
  const registers = registerCount ?? firstKey.split(" ").length;
  const data = histogramData(result.counts ?? result.probabilities, kind, topK);
  const geo = histogramGeometry(data);
  const bits = kind === "counts" ? result.numClbits : result.numQubits;
  const caption = axisCaption(kind, bits, registers);
  const others = data.bars.find((b) => b.isOthers);
  const summary =
    kind === "counts"
      ? `Histogram of ${formatInteger(data.total)} shots over ${formatInteger(data.totalOutcomes)} outcomes`
      : `Probabilities of ${formatInteger(data.totalOutcomes)} basis states`;

  if (data.bars.length === 0) {
    return <p className="out-note">No outcomes to show.</p>;
  }
  const { plot } = geo;
  const labelY = plot.bottom + 14;
  return (
    <figure className="out-histogram">
      <div className="out-scroll">
        <svg
          className="out-chart"
          viewBox={`0 0 ${geo.width} ${geo.height}`}
          width={geo.width}
          height={geo.height}
          role="group"
          aria-label={`${summary}. ${caption}.`}
        >
          <g aria-hidden="true">
            {geo.ticks.map((t) => (
              <g key={t.value}>
                <line className="out-grid" x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
                <text className="out-tick" x={plot.left - 6} y={t.y + 4} textAnchor="end">
                  {kind === "counts" ? formatInteger(t.value) : fixed(t.value, 2)}
                </text>
              </g>
            ))}
            <text
              className="out-axis-title"
              transform={`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {kind === "counts" ? "Count" : "Probability"}
            </text>
            <line
              className="out-axis"
              x1={plot.left}
              x2={plot.right}
              y1={plot.bottom}
              y2={plot.bottom}
            />
            {data.bars.map((bar, i) => {
              const g = geo.bars[i];
              return (
                <g key={bar.label}>
                  <rect
                    className={bar.isOthers ? "out-bar out-bar--others" : "out-bar"}
                    x={g.x}
                    y={g.y}
                    width={g.width}
                    height={g.height}
                    rx={2}
                  />
                  {geo.valueLabels ? (
                    <text className="out-value" x={g.cx} y={g.y - 4} textAnchor="middle">
                      {formatBarValue(bar, kind)}
                    </text>
                  ) : null}
                  <text
                    className={bar.isOthers ? "out-label out-label--others" : "out-label"}
                    x={g.cx}
                    y={labelY}
                    textAnchor={geo.labelAngle === 0 ? "middle" : "end"}
                    transform={
                      geo.labelAngle === 0
                        ? undefined
                        : `rotate(${geo.labelAngle} ${g.cx} ${labelY - 4})`
                    }
                  >
                    {bar.label}
                  </text>
                </g>
              );
            })}
            <text
              className="out-axis-title"
              x={(plot.left + plot.right) / 2}
              y={geo.height - 8}
              textAnchor="middle"
            >
              {caption}
            </text>
          </g>
          {/* Drawn after every bar so a tooltip is never painted over by a later bar. */}
          {data.bars.map((bar, i) => {
            const g = geo.bars[i];
            const text = describeBar(bar, kind);
            const tip = tooltipBox(g.cx, text.length, geo);
            const slot = (plot.right - plot.left) / data.bars.length;
            return (
              <g key={bar.label} className="out-hit" tabIndex={0} role="img" aria-label={text}>
                <rect
                  className="out-hit__area"
                  x={g.cx - slot / 2}
                  y={plot.top}
                  width={slot}
                  height={plot.bottom - plot.top}
                />
                <rect
                  className="out-hit__ring"
                  x={g.x - 3}
                  y={Math.min(g.y, plot.bottom - 6) - 3}
                  width={g.width + 6}
                  height={Math.max(g.height, 6) + 6}
                  rx={4}
                />
                <g className="out-tip" aria-hidden="true">
                  <rect x={tip.x} y={tip.y} width={tip.width} height={tip.height} rx={5} />
                  <text x={tip.x + tip.width / 2} y={tip.y + 16} textAnchor="middle">
                    {text}
                  </text>
                </g>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="out-caption">
        {others
          ? `Showing the ${formatInteger(data.bars.length - 1)} most frequent of ${formatInteger(data.totalOutcomes)} outcomes; "others" sums the remaining ${formatInteger(others.outcomes)} (${formatPercent(others.fraction)}). `
          : null}
        Bitstrings are written highest bit first, as Qiskit prints them.
      </figcaption>
      <details className="out-alt">
        <summary>Show as table</summary>
        <table className="out-table">
          <caption className="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              {kind === "counts" ? <th scope="col">Count</th> : null}
              <th scope="col">Probability</th>
            </tr>
          </thead>
          <tbody>
            {data.bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row" className="out-mono">
                  {bar.isOthers ? `others (${formatInteger(bar.outcomes)} outcomes)` : bar.label}
                </th>
                {kind === "counts" ? <td>{formatInteger(bar.value)}</td> : null}
                <td>{fixed(bar.fraction, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
