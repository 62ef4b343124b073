import "./outputs.css";
import "./circuit-diagram.css";

import type { CircuitLayout, PlacedOp } from "@/lib/quantum/layout";

import {
  BOX_HALF,
  boxSpan,
  clbitY,
  conditionText,
  describeOp,
  diagramGeometry,
  registerOf,
  type DiagramGeometry,
} from "./circuit-model";
import { formatInteger } from "./format-model";

export interface CircuitDiagramProps {
  layout: CircuitLayout;
}

/** Two parallel lines: the classical wire and every classical connection. */
function DoubleLine({ x1, y1, x2, y2 }: { x1: number; y1: number; x2: number; y2: number }) {
  const vertical = x1 === x2;
  const dx = vertical ? 1.5 : 0;
  const dy = vertical ? 0 : 1.5;
  return (
    <g className="out-cwire">
      <line x1={x1 - dx} y1={y1 - dy} x2={x2 - dx} y2={y2 - dy} />
      <line x1={x1 + dx} y1={y1 + dy} x2={x2 + dx} y2={y2 + dy} />
    </g>
  );
}

function Meter({ x, y }: { x: number; y: number }) {
  return (
    <g className="out-meter">
      <rect x={x - BOX_HALF} y={y - BOX_HALF} width={2 * BOX_HALF} height={2 * BOX_HALF} rx={3} />
      <path d={`M ${x - 10} ${y + 6} A 10 10 0 0 1 ${x + 10} ${y + 6}`} />
      <line x1={x} y1={y + 6} x2={x + 7} y2={y - 8} />
    </g>
  );
}

function Op({ op, geo }: { op: PlacedOp; geo: DiagramGeometry }) {
  const x = geo.columnX[op.column];
  const y = (q: number): number => geo.qubitY[q];
  const box = boxSpan(op, geo.qubitY);
  const w = geo.columnWidth[op.column] - 14;
  const joined = op.kind !== "barrier" && op.maxQubit > op.minQubit;
  // The lowest point the op occupies on the qubit wires, where classical lines leave from.
  const lowest = op.maxQubit >= 0 ? y(op.maxQubit) + (box ? BOX_HALF : 0) : geo.qubitY[0];
  // A condition held in a hidden latch has no bit wire: its text sits under the op instead.
  const conditionWire =
    op.condition && op.condition.clbits.length > 0
      ? Math.max(...op.condition.clbits.map((c) => clbitY(geo, c)))
      : null;
  return (
    <g className="out-op" data-op={op.index}>
      <title>{`Line ${op.loc.line}, column ${op.loc.column}`}</title>
      {op.measure ? (
        <>
          <DoubleLine
            x1={x}
            y1={y(op.measure.qubit) + BOX_HALF}
            x2={x}
            y2={clbitY(geo, op.measure.clbit) - 6}
          />
          <path
            className="out-arrow"
            d={`M ${x - 5} ${clbitY(geo, op.measure.clbit) - 8} l 5 7 l 5 -7 z`}
          />
          <text className="out-bit-index" x={x + 6} y={clbitY(geo, op.measure.clbit) + 15}>
            {op.measure.clbit - geo.registers[registerOf(geo.registers, op.measure.clbit)].offset}
          </text>
        </>
      ) : null}
      {op.condition && conditionWire !== null ? (
        <>
          <DoubleLine x1={x} y1={lowest} x2={x} y2={conditionWire} />
          <circle className="out-cdot" cx={x} cy={conditionWire} r={4} />
          <text className="out-condition" x={x} y={conditionWire + 17} textAnchor="middle">
            {conditionText(op.condition)}
          </text>
        </>
      ) : null}
      {op.condition && conditionWire === null ? (
        <text className="out-condition" x={x} y={lowest + 24} textAnchor="middle">
          {conditionText(op.condition)}
        </text>
      ) : null}
      {joined ? (
        <line className="out-qline" x1={x} y1={y(op.minQubit)} x2={x} y2={y(op.maxQubit)} />
      ) : null}
      {op.controls.map((c) => (
        <circle
          key={`c${c.qubit}`}
          className={c.filled ? "out-ctrl" : "out-ctrl out-ctrl--open"}
          cx={x}
          cy={y(c.qubit)}
          r={5.5}
        />
      ))}
      {box ? (
        <g className="out-box">
          <rect x={x - w / 2} y={box.top} width={w} height={box.bottom - box.top} rx={4} />
          <text x={x} y={(box.top + box.bottom) / 2 + 4.5} textAnchor="middle">
            {op.label}
          </text>
        </g>
      ) : null}
      {op.targets.map((t) => {
        const ty = y(t.qubit);
        switch (t.symbol) {
          case "box":
            return null; // drawn once above for all box targets
          case "plus":
            return (
              <g key={t.qubit} className="out-plus">
                <circle cx={x} cy={ty} r={11} />
                <path d={`M ${x - 11} ${ty} H ${x + 11} M ${x} ${ty - 11} V ${ty + 11}`} />
              </g>
            );
          case "swap":
            return (
              <path
                key={t.qubit}
                className="out-swap"
                d={`M ${x - 7} ${ty - 7} l 14 14 M ${x - 7} ${ty + 7} l 14 -14`}
              />
            );
          case "meter":
            return <Meter key={t.qubit} x={x} y={ty} />;
          case "barrier":
            return (
              <g key={t.qubit} className="out-barrier">
                <rect x={x - 7} y={ty - 24} width={14} height={48} />
                <line x1={x} y1={ty - 24} x2={x} y2={ty + 24} />
              </g>
            );
          default: {
            const unknown: never = t.symbol;
            throw new Error(`unexpected target symbol ${String(unknown)}`);
          }
        }
      })}
      {op.targets.length === 0 ? (
        <text
          className="out-floating"
          x={x}
          y={op.controls.length > 0 ? y(op.minQubit) - 12 : 18}
          textAnchor="middle"
        >
          {op.label}
        </text>
      ) : null}
    </g>
  );
}

/** The circuit as an SVG drawing of `layoutCircuit`'s columns, scrolling sideways when wide. */
export function CircuitDiagram({ layout }: CircuitDiagramProps) {
  const geo = diagramGeometry(layout);
  const qubits = layout.qubitLabels.length;
  const summary = `Circuit diagram: ${qubits} ${qubits === 1 ? "qubit" : "qubits"}, ${layout.clbitLabels.length} classical bits, ${formatInteger(geo.totalOps)} operations in ${formatInteger(layout.columns)} columns`;
  const capped = geo.ops.length < geo.totalOps;
  const right = geo.width - 12;
  return (
    <figure className="out-circuit">
      <div
        className="out-scroll"
        tabIndex={0}
        role="region"
        aria-label="Circuit diagram, scrolls sideways"
      >
        <svg
          className="out-circuit__svg"
          viewBox={`0 0 ${geo.width} ${geo.height}`}
          width={geo.width}
          height={geo.height}
          role="img"
          aria-label={summary}
        >
          {layout.qubitLabels.map((label, q) => (
            <g key={label}>
              <text
                className="out-wire-label"
                x={geo.wireStart - 10}
                y={geo.qubitY[q] + 4.5}
                textAnchor="end"
              >
                {label}
              </text>
              <line
                className="out-qwire"
                x1={geo.wireStart}
                y1={geo.qubitY[q]}
                x2={right}
                y2={geo.qubitY[q]}
              />
            </g>
          ))}
          {geo.registers.map((reg) => (
            <g key={reg.name}>
              <text
                className="out-wire-label"
                x={geo.wireStart - 10}
                y={reg.y + 4.5}
                textAnchor="end"
              >
                {reg.name}
              </text>
              <DoubleLine x1={geo.wireStart} y1={reg.y} x2={right} y2={reg.y} />
              <path className="out-qline" d={`M ${geo.wireStart + 4} ${reg.y + 6} l 8 -12`} />
              <text className="out-bit-index" x={geo.wireStart + 14} y={reg.y - 6}>
                {reg.size}
              </text>
            </g>
          ))}
          {geo.ops.map((op) => (
            <Op key={op.index} op={op} geo={geo} />
          ))}
        </svg>
      </div>
      {capped ? (
        <figcaption className="out-caption">
          Large circuits are capped: showing the first {formatInteger(geo.ops.length)} of{" "}
          {formatInteger(geo.totalOps)} operations.
        </figcaption>
      ) : null}
      <details className="out-alt">
        <summary>Operations as a list ({formatInteger(geo.ops.length)})</summary>
        <ol className="out-oplist">
          {geo.ops.map((op) => (
            <li key={op.index}>{describeOp(op, layout)}</li>
          ))}
        </ol>
      </details>
    </figure>
  );
}
