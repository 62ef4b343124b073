"use client";

import {
  Fragment,
  type KeyboardEvent,
  type PointerEvent,
  type SyntheticEvent,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";

import { META_GAP, NAME_LINE_HEIGHT, PADDING_Y } from "@/lib/roadmap/node-box";

import { SkillDetails } from "./skill-details";
import { nodeStatusLine } from "./status";
import type { GraphEdgeView, GraphNodeView, SkillView } from "./types";

/**
 * Zoom factors. 1 draws the layout one unit to a CSS pixel, the size its type was chosen for
 * (names 14 px, status 12 px); zooming out below that is the reader's choice for an overview.
 */
const MIN_SCALE = 0.5;
const MAX_SCALE = 2;
const clamp = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Phones: the list of skills comes first, the graph folds away until asked for. */
const PHONE_QUERY = "(max-width: 40rem)";
const subscribePhone = (onChange: () => void) => {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const isPhoneNow = () => window.matchMedia(PHONE_QUERY).matches;
// The server renders the graph open; a phone folds it as soon as the page is interactive.
const isPhoneOnServer = () => false;

/** Baselines within a line box, so the type sits in the middle of its line. */
const NAME_BASELINE = 13.5;
const META_BASELINE = 12;

/**
 * The server-laid-out skill graph at its natural size, scrolling inside its frame when wider
 * than the screen rather than shrinking its type. Buttons or +/− keys zoom, dragging or the arrow
 * keys scroll, and each node is a link (so Tab reaches it and it works without script) that
 * selects the skill and shows its details below. The list view on the page is the twin.
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
  const [scale, setScale] = useState(1);
  const viewportRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | null>(null);
  // The drawing point to keep at the same place in the frame while the zoom changes.
  const anchor = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  const isPhone = useSyncExternalStore(subscribePhone, isPhoneNow, isPhoneOnServer);
  const [openChoice, setOpenChoice] = useState<boolean | null>(null);
  const open = openChoice ?? !isPhone;

  const zoomTo = useCallback((next: (s: number) => number) => {
    const frame = viewportRef.current;
    setScale((s) => {
      const target = clamp(next(s));
      if (frame && target !== s) {
        // The centre of the frame, in drawing units, stays put.
        const left = frame.clientWidth / 2;
        const top = frame.clientHeight / 2;
        anchor.current = {
          x: (frame.scrollLeft + left) / s,
          y: (frame.scrollTop + top) / s,
          left,
          top,
        };
      }
      return target;
    });
  }, []);

  useLayoutEffect(() => {
    const frame = viewportRef.current;
    const a = anchor.current;
    if (!frame || !a) return;
    anchor.current = null;
    frame.scrollLeft = a.x * scale - a.left;
    frame.scrollTop = a.y * scale - a.top;
  }, [scale]);

  // Mouse drags scroll the frame; touch scrolls it natively.
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType !== "mouse" || event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const frame = viewportRef.current;
    if (!d || !frame || d.id !== event.pointerId) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return; // a click, not a drag
    if (!d.moved) frame.setPointerCapture(event.pointerId);
    d.moved = true;
    frame.scrollLeft -= dx;
    frame.scrollTop -= dy;
    d.x = event.clientX;
    d.y = event.clientY;
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  // Arrow keys scroll the focused frame natively; these add zoom.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    switch (event.key) {
      case "+":
      case "=":
        zoomTo((s) => s * 1.25);
        break;
      case "-":
      case "_":
        zoomTo((s) => s / 1.25);
        break;
      case "0":
        zoomTo(() => 1);
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

  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    const nowOpen = event.currentTarget.open;
    if (nowOpen !== open) setOpenChoice(nowOpen);
  };

  const selectedSkill = selected ? byId.get(selected) : undefined;
  const nodeIds = new Set(nodes.map((n) => n.id));

  return (
    <div className="skill-graph">
      <details className="skill-graph__disclosure" open={open} onToggle={onToggle}>
        <summary>Skill graph</summary>
        <div className="skill-graph__toolbar" role="toolbar" aria-label="Zoom">
          <button
            type="button"
            className="button button--small"
            onClick={() => zoomTo((s) => s * 1.25)}
            aria-label="Zoom in"
          >
            +
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => zoomTo((s) => s / 1.25)}
            aria-label="Zoom out"
          >
            −
          </button>
          <button type="button" className="button button--small" onClick={() => zoomTo(() => 1)}>
            Actual size
          </button>
          <span className="meta">
            {Math.round(scale * 100)}% · drag or arrow keys to scroll, + and − to zoom
          </span>
        </div>
        <div
          ref={viewportRef}
          className="skill-graph__viewport"
          tabIndex={0}
          role="group"
          aria-label="Skill graph: arrow keys scroll, plus and minus zoom, 0 resets; Tab moves between skills"
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width={Math.ceil(width * scale)}
            height={Math.ceil(height * scale)}
            className="skill-graph__svg"
            data-scale={scale}
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
              const status = nodeStatusLine(skill.status, skill.level);
              const cx = n.x + n.width / 2;
              const metaTop = n.y + PADDING_Y + n.nameLines.length * NAME_LINE_HEIGHT + META_GAP;
              return (
                <a
                  key={n.id}
                  href={`/roadmap?skill=${n.id}#skill-details`}
                  data-skill-node={n.id}
                  data-status={skill.status}
                  // The words drawn, in the order drawn: what a speech-input user says is its name.
                  aria-label={`${skill.name}: ${status}`}
                  aria-current={selected === n.id ? "true" : undefined}
                  className={`skill-node skill-status--${skill.status}`}
                  onClick={(event) => {
                    event.preventDefault();
                    select(n.id);
                  }}
                >
                  <rect x={n.x} y={n.y} width={n.width} height={n.height} rx={8} />
                  {/* One <text> a line with a space between them, so the lines read as words
                      when the link's text is taken as one string. */}
                  {n.nameLines.map((line, i) => (
                    <Fragment key={i}>
                      {i > 0 ? " " : null}
                      <text
                        x={cx}
                        y={n.y + PADDING_Y + i * NAME_LINE_HEIGHT + NAME_BASELINE}
                        textAnchor="middle"
                        className="skill-node__name"
                      >
                        {line}
                      </text>
                    </Fragment>
                  ))}{" "}
                  <text
                    x={cx}
                    y={metaTop + META_BASELINE}
                    textAnchor="middle"
                    className="skill-node__meta"
                  >
                    {status}
                  </text>
                </a>
              );
            })}
          </svg>
        </div>
      </details>
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
