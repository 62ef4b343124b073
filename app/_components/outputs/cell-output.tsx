"use client";

import "./outputs.css";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

import type { CircuitLayout } from "@/lib/quantum/layout";
import type { SimulationResult } from "@/lib/quantum/result";

import { BlochSpheres } from "./bloch-spheres";
import {
  availableTabs,
  capNotes,
  defaultTab,
  expectationCaption,
  nextTab,
  noiseNotes,
  statusLine,
  tabLabel,
  type OutputTab,
} from "./cell-output-model";
import { CircuitDiagram } from "./circuit-diagram";
import { ExpectationList } from "./expectation-list";
import { Histogram } from "./histogram";
import { StateTable } from "./state-table";

export interface CellOutputProps {
  result: SimulationResult;
  layout?: CircuitLayout;
}

/**
 * Everything one run produced, under its cell: tabs for the views (WAI-ARIA tabs: arrow keys
 * move between tabs, Tab moves into the panel), then expectation values, notes and run details.
 * Every panel stays in the DOM (hidden when inactive) so a tab switch never recomputes a view.
 */
export function CellOutput({ result, layout }: CellOutputProps) {
  const tabs = availableTabs(result, layout !== undefined);
  const [active, setActive] = useState<OutputTab>(() => defaultTab(result));
  const current = tabs.includes(active) ? active : tabs[0];
  const buttons = useRef(new Map<OutputTab, HTMLButtonElement>());
  const id = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = nextTab(tabs, current, event.key);
    if (!target) return;
    event.preventDefault();
    setActive(target);
    buttons.current.get(target)?.focus();
  };

  const panel = (tab: OutputTab): ReactNode => {
    switch (tab) {
      case "histogram":
        return <Histogram result={result} />;
      case "state":
        return <StateTable result={result} />;
      case "bloch":
        return (
          <BlochSpheres
            bloch={result.bloch}
            perShot={result.perShot}
            noisy={result.noise !== undefined}
            qubitLabels={layout?.qubitLabels}
          />
        );
      case "circuit":
        return layout ? <CircuitDiagram layout={layout} /> : null;
      default: {
        const unknown: never = tab;
        throw new Error(`unexpected tab ${String(unknown)}`);
      }
    }
  };

  const notes = capNotes(result);
  const noise = noiseNotes(result);
  return (
    <section className="out-cell" aria-label="Run output">
      {noise ? (
        <p className="out-note out-noise" role="note">
          <strong>{noise.summary}</strong> {noise.meaning}
        </p>
      ) : null}
      <div className="out-tabs" role="tablist" aria-label="Output views" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            ref={(el) => {
              if (el) buttons.current.set(tab, el);
              else buttons.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab}`}
            aria-controls={`${id}-panel-${tab}`}
            aria-selected={tab === current}
            tabIndex={tab === current ? 0 : -1}
            className="out-tab"
            onClick={() => setActive(tab)}
          >
            {tabLabel(tab)}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`${id}-panel-${tab}`}
          aria-labelledby={`${id}-tab-${tab}`}
          hidden={tab !== current}
          className="out-panel"
          tabIndex={0}
        >
          {panel(tab)}
        </div>
      ))}
      <ExpectationList expectations={result.expectations} caption={expectationCaption(result)} />
      {result.statevectorNote && !noise?.explainsMissingState ? (
        <p className="out-note" role="note">
          Note: {result.statevectorNote}.
        </p>
      ) : null}
      {(result.notes ?? []).map((note) => (
        <p key={note} className="out-note" role="note">
          Note: {note}.
        </p>
      ))}
      {notes.map((note) => (
        <p key={note} className="out-note out-note--warn" role="note">
          {note}
        </p>
      ))}
      <p className="out-status">{statusLine(result)}</p>
    </section>
  );
}
