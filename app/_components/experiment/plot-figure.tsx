"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import type { PlotModule } from "./chart-frame";

/**
 * A chart drawn by Observable Plot, loaded only when a chart is first shown (it is not part of
 * any page's first load). `draw` builds the chart from the module; the caller memoises it on its
 * data. Every chart has a caption and a table twin, so nothing is shown only as a picture.
 */
export function PlotFigure({
  draw,
  caption,
  label,
  table,
}: {
  draw: (Plot: PlotModule) => SVGSVGElement | HTMLElement;
  caption: ReactNode;
  /** What the chart shows, for screen readers (the table twin has the numbers). */
  label: string;
  table: ReactNode;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let chart: Element | undefined;
    import("@observablehq/plot")
      .then((Plot) => {
        if (cancelled || !host.current) return;
        chart = draw(Plot);
        chart.setAttribute("role", "img");
        chart.setAttribute("aria-label", label);
        host.current.replaceChildren(chart);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      chart?.remove();
    };
  }, [draw, label]);
  return (
    <figure className="plot-figure">
      <div ref={host} className="plot-figure__chart">
        {failed ? <p>The chart could not be drawn; the table below has its data.</p> : null}
      </div>
      <figcaption>{caption}</figcaption>
      <details className="plot-figure__table">
        <summary>Table</summary>
        {table}
      </details>
    </figure>
  );
}
