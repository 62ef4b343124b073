"use client";

import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useRef,
  useState,
  type WheelEvent,
} from "react";

import { SkillDetails } from "./skill-details";
import { STATUS_LABELS } from "./status";
import type { GraphEdgeView, GraphNodeView, SkillView } from "./types";

interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

const MIN_SCALE = 0.3;
const MAX_SCALE = 3;
const HOME: View = { scale: 1, x: 0, y: 0 };
/** Characters of a skill name that fit in a node at its natural width. */
const NAME_FITS = 24;
const clamp = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/**
 * The server-laid-out skill graph, made explorable: wheel, buttons or +/− keys zoom, dragging
 * or arrow keys pan, and each node is a link (so Tab reaches it and it works without script)
 * that selects the skill and shows its details below. The list view on the page is the twin.
 */
export function SkillGraph(props: {
  width: number;
  height: number;
  nodes: readonly GraphNodeView[];
  edges: readonly GraphEdgeView[];
  skills: readonly SkillView[];
  initialSelected: string | null;
}) {
  const { width, height, nodes, edges, skills } = props;
  const byId = new Map(skills.map((s) => [s.id, s]));
  const [selected, setSelected] = useState<string | null>(props.initialSelected);
  const [view, setView] = useState<View>(HOME);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);

  /** SVG user units per screen pixel (the drawing is scaled to fit its box). */
  const unitsPerPixel = useCallback(() => {
    const box = svgRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? Math.max(width / box.width, height / box.height) : 1;
  }, [width, height]);

  // Zoom about a point given in SVG user units, keeping that point where it is on screen.
  const zoomAt = useCallback(
    (factor: number, cx = width / 2, cy = height / 2) => {
      setView((v) => {
        const scale = clamp(v.scale * factor);
        const k = scale / v.scale;
        return { scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k };
      });
    },
    [width, height],
  );

  const pan = (dx: number, dy: number) => setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));

  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    event.preventDefault();
    const box = svgRef.current!.getBoundingClientRect();
    const upp = unitsPerPixel();
    // The drawing is centred in its box when the aspect ratios differ.
    const cx = (event.clientX - box.left - (box.width - width / upp) / 2) * upp;
    const cy = (event.clientY - box.top - (box.height - height / upp) / 2) * upp;
    zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, cx, cy);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return; // a click, not a drag
    if (!d.moved) svgRef.current?.setPointerCapture(event.pointerId);
    d.moved = true;
    const upp = unitsPerPixel();
    pan(dx * upp, dy * upp);
    d.x = event.clientX;
    d.y = event.clientY;
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = 60 / view.scale;
    switch (event.key) {
      case "+":
      case "=":
        zoomAt(1.25);
        break;
      case "-":
      case "_":
        zoomAt(1 / 1.25);
        break;
      case "0":
        setView(HOME);
        break;
      case "ArrowLeft":
        pan(step, 0);
        break;
      case "ArrowRight":
        pan(-step, 0);
        break;
      case "ArrowUp":
        pan(0, step);
        break;
      case "ArrowDown":
        pan(0, -step);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const select = (id: string) => {
    setSelected(id);
    // Keep the URL shareable and the back button meaningful without a navigation.
    window.history.replaceState(null, "", `/roadmap?skill=${encodeURIComponent(id)}`);
  };

  const selectedSkill = selected ? byId.get(selected) : undefined;
  const nodeIds = new Set(nodes.map((n) => n.id));

  return (
    <div className="skill-graph">
      <div className="skill-graph__toolbar" role="toolbar" aria-label="Zoom">
        <button
          type="button"
          className="button button--small"
          onClick={() => zoomAt(1.25)}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => zoomAt(1 / 1.25)}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" className="button button--small" onClick={() => setView(HOME)}>
          Reset view
        </button>
        <span className="meta">
          {Math.round(view.scale * 100)}% · drag or arrow keys to pan, + and − to zoom
        </span>
      </div>
      <div
        className="skill-graph__viewport"
        tabIndex={0}
        role="group"
        aria-label="Skill graph: arrow keys pan, plus and minus zoom, 0 resets; Tab moves between skills"
        onKeyDown={onKeyDown}
      >
        <svg
          ref={svgRef}
          viewBox={`0 0 ${width} ${height}`}
          className="skill-graph__svg"
          onWheel={onWheel}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <defs>
            <marker
              id="skill-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="skill-edge__head" />
            </marker>
          </defs>
          <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
            {edges.map((e) =>
              nodeIds.has(e.from) && nodeIds.has(e.to) ? (
                <path
                  key={`${e.from}->${e.to}`}
                  d={e.d}
                  className={`skill-edge${selected === e.to || selected === e.from ? " skill-edge--active" : ""}`}
                  markerEnd="url(#skill-arrow)"
                />
              ) : null,
            )}
            {nodes.map((n) => {
              const skill = byId.get(n.id)!;
              return (
                <a
                  key={n.id}
                  href={`/roadmap?skill=${n.id}#skill-details`}
                  data-skill-node={n.id}
                  data-status={skill.status}
                  aria-label={`${skill.name}: ${STATUS_LABELS[skill.status]}, ${skill.masteryPercent}%`}
                  aria-current={selected === n.id ? "true" : undefined}
                  className={`skill-node skill-status--${skill.status}`}
                  onClick={(event) => {
                    event.preventDefault();
                    select(n.id);
                  }}
                >
                  <title>{skill.name}</title>
                  <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={8} />
                  {/* The whole name, squeezed to fit rather than cut: the link's name must
                      contain the words it shows, so cutting one in half would break that. */}
                  <text
                    x={n.x + n.width / 2}
                    y={n.y + 21}
                    textAnchor="middle"
                    className="skill-node__name"
                    {...(skill.name.length > NAME_FITS
                      ? { textLength: n.width - 16, lengthAdjust: "spacingAndGlyphs" }
                      : {})}
                  >
                    {skill.name}
                  </text>
                  {/* Keeps the two lines apart as words when the text is read as one string. */}{" "}
                  <text
                    x={n.x + n.width / 2}
                    y={n.y + 39}
                    textAnchor="middle"
                    className="skill-node__meta"
                  >
                    {STATUS_LABELS[skill.status]}, {skill.masteryPercent}%
                  </text>
                </a>
              );
            })}
          </g>
        </svg>
      </div>
      <section
        id="skill-details"
        className="skill-graph__details"
        aria-live="polite"
        aria-label="Selected skill"
      >
        {selectedSkill ? (
          <SkillDetails skill={selectedSkill} />
        ) : (
          <p className="meta">
            Select a skill in the graph or the list to see what it is, where to learn it and your
            evidence.
          </p>
        )}
      </section>
    </div>
  );
}
