"use client";

import "./outputs.css";
import "./state-table.css";

import { useMemo, useState } from "react";

import type { SimulationResult } from "@/lib/quantum/result";

import { fixed, formatAngle, formatComplex, formatInteger, phaseColor } from "./format-model";
import {
  ketOrderCaption,
  nonzeroIndices,
  pageOf,
  phaseGlyph,
  shownSummary,
  STATE_PAGE_SIZE,
  stateRow,
} from "./state-table-model";

export interface StateTableProps {
  result: Pick<SimulationResult, "statevector" | "statevectorNote" | "numQubits"> &
    Partial<Pick<SimulationResult, "perShot">>;
  pageSize?: number;
}

const DISC = 9;

/** A disc filled in proportion to |a|, coloured by phase, with a hand pointing at the phase. */
function PhaseDisc({ re, im, phase }: { re: number; im: number; phase: number }) {
  const glyph = phaseGlyph(re, im, DISC);
  const label = `phase ${formatAngle(phase)}`;
  return (
    <svg
      className="out-phase"
      viewBox={`${-DISC - 1} ${-DISC - 1} ${2 * DISC + 2} ${2 * DISC + 2}`}
      width={2 * DISC + 2}
      height={2 * DISC + 2}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <circle className="out-phase__rim" r={DISC} />
      <circle r={glyph.fillRadius} fill={phaseColor(phase)} />
      <line className="out-phase__hand" x1={0} y1={0} x2={glyph.handX} y2={glyph.handY} />
    </svg>
  );
}

/**
 * The state vector as a table of its nonzero amplitudes, paged so a 16-qubit state stays fast.
 * A client component only for the Prev/Next paging.
 */
export function StateTable({ result, pageSize = STATE_PAGE_SIZE }: StateTableProps) {
  const { statevector, numQubits } = result;
  const indices = useMemo(
    () => (statevector ? nonzeroIndices(statevector, numQubits) : []),
    [statevector, numQubits],
  );
  const [requested, setRequested] = useState(0);

  if (!statevector) {
    return (
      <p className="out-note" role="note">
        No state vector to show: {result.statevectorNote ?? "the simulation did not return one"}.{" "}
        {result.perShot
          ? "The histogram and the Bloch spheres show the state averaged over the shots."
          : "The histogram and the Bloch spheres still describe it."}
      </p>
    );
  }

  const page = pageOf(indices.length, requested, pageSize);
  const visible = indices
    .slice(page.start, page.end)
    .map((index) => stateRow(statevector, index, numQubits));
  return (
    <div className="out-state">
      <p className="out-caption">
        {shownSummary(indices.length, numQubits)}. {ketOrderCaption(numQubits)}
      </p>
      <div className="out-scroll">
        <table className="out-table out-table--state">
          <caption className="visually-hidden">
            State vector amplitudes, rows {page.start + 1} to {page.end} of {indices.length}
          </caption>
          <thead>
            <tr>
              <th scope="col">Basis state</th>
              <th scope="col">Amplitude</th>
              <th scope="col">Probability</th>
              <th scope="col">Phase</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.index}>
                <th scope="row" className="out-mono">
                  |{row.bits}⟩
                </th>
                <td className="out-mono">{formatComplex(row.re, row.im)}</td>
                <td>
                  <span className="out-prob">
                    <span className="out-prob__track" aria-hidden="true">
                      <span
                        className="out-prob__bar"
                        style={{ width: `${Math.max(1, row.probability * 100)}%` }}
                      />
                    </span>
                    <span className="out-mono">{fixed(row.probability, 4)}</span>
                  </span>
                </td>
                <td>
                  <span className="out-phase-cell">
                    <PhaseDisc re={row.re} im={row.im} phase={row.phase} />
                    <span className="out-mono" aria-hidden="true">
                      {fixed((row.phase * 180) / Math.PI, 1)}°
                    </span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pageCount > 1 ? (
        <nav className="out-pager" aria-label="State vector pages">
          <button
            type="button"
            className="button"
            onClick={() => setRequested(page.page - 1)}
            disabled={page.page === 0}
          >
            Prev
          </button>
          <span aria-live="polite">
            Page {page.page + 1} of {formatInteger(page.pageCount)} (rows {page.start + 1}–
            {page.end})
          </span>
          <button
            type="button"
            className="button"
            onClick={() => setRequested(page.page + 1)}
            disabled={page.page >= page.pageCount - 1}
          >
            Next
          </button>
        </nav>
      ) : null}
      <p className="out-note">
        A global phase (every amplitude multiplied by the same e<sup>iφ</sup>) is not observable:
        only phases relative to other basis states change what a measurement can show.
      </p>
    </div>
  );
}
