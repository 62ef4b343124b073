"use client";

import { useEffect, useRef } from "react";

import { type CellInput, paramValue } from "@/lib/notebook/cell-inputs";

import { useNotebook } from "./notebook-context";

/** Re-run at most this often while a slider moves. */
const RERUN_DELAY_MS = 200;
/**
 * The slider moves over whole steps and maps them onto [min, max], so both ends are reached
 * exactly (a fractional `step` attribute loses the last step to rounding, e.g. π − π/200).
 */
const STEPS = 200;

/** One slider per `input float`/`input angle` parameter; moving it re-runs the cell (debounced). */
export function ParameterSliders({ id, inputs }: { id: string; inputs: readonly CellInput[] }) {
  const notebook = useNotebook();
  const cell = notebook.state.cells[id];
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <fieldset className="sliders">
      <legend>Parameters</legend>
      {inputs.map((input) => {
        const value = paramValue(cell.params, input.name) ?? input.defaultValue;
        const inputId = `param-${id}-${input.name}`;
        const span = input.max - input.min;
        const position = Math.round(((value - input.min) / span) * STEPS);
        return (
          <div key={input.name} className="slider">
            <label htmlFor={inputId}>{input.name}</label>
            <input
              id={inputId}
              type="range"
              min={0}
              max={STEPS}
              step={1}
              value={position}
              aria-valuetext={formatAngle(value)}
              onChange={(event) => {
                const next = input.min + (Number(event.target.value) / STEPS) * span;
                notebook.dispatch({
                  type: "set-param",
                  id,
                  name: input.name,
                  value: next,
                  now: Date.now(),
                });
                clearTimeout(timer.current);
                timer.current = setTimeout(() => void notebook.run(id), RERUN_DELAY_MS);
              }}
            />
            <output htmlFor={inputId}>{formatAngle(value)}</output>
          </div>
        );
      })}
    </fieldset>
  );
}

function formatAngle(value: number): string {
  const multiple = value / Math.PI;
  return `${value.toFixed(3)} (${multiple.toFixed(2)}π)`;
}
