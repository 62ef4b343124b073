import type { GraphLayout } from "./layout";

type Point = { readonly x: number; readonly y: number };

/** Twice the signed area of the triangle a, b, c: which side of a→b the point c is on. */
const turn = (a: Point, b: Point, c: Point) =>
  (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

// Coordinates come from floating-point layout code: a bend a hair off another edge's line is
// the same point, not a crossing.
const EPSILON = 1e-6;

/**
 * Whether segments p1p2 and q1q2 cross at a point inside both. Touching (an end on the other
 * segment, shared end points, collinear overlap where routes share a trunk) is not crossing.
 */
function segmentsCross(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = turn(q1, q2, p1);
  const d2 = turn(q1, q2, p2);
  const d3 = turn(p1, p2, q1);
  const d4 = turn(p1, p2, q2);
  const strictlyApart = (a: number, b: number) =>
    (a > EPSILON && b < -EPSILON) || (a < -EPSILON && b > EPSILON);
  return strictlyApart(d1, d2) && strictlyApart(d3, d4);
}

/**
 * The number of points where two edges of the drawing cross, the usual measure of how hard a
 * graph drawing is to follow. Each pair of edge polylines contributes one per pair of their
 * segments that cross properly.
 */
export function countCrossings(layout: Pick<GraphLayout, "edges">): number {
  const edges = layout.edges;
  let crossings = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i].points;
      const b = edges[j].points;
      for (let s = 0; s + 1 < a.length; s++) {
        for (let t = 0; t + 1 < b.length; t++) {
          if (segmentsCross(a[s], a[s + 1], b[t], b[t + 1])) crossings += 1;
        }
      }
    }
  }
  return crossings;
}

/** The length along which axis-aligned segments p1p2 and q1q2 lie on one line together. */
function sharedRun(p1: Point, p2: Point, q1: Point, q2: Point): number {
  const close = (a: number, b: number) => Math.abs(a - b) < 0.5;
  const along = (a1: number, a2: number, b1: number, b2: number) =>
    Math.max(
      0,
      Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2)),
    );
  if (close(p1.x, p2.x) && close(q1.x, q2.x) && close(p1.x, q1.x))
    return along(p1.y, p2.y, q1.y, q2.y);
  if (close(p1.y, p2.y) && close(q1.y, q2.y) && close(p1.y, q1.y))
    return along(p1.x, p2.x, q1.x, q2.x);
  return 0;
}

/**
 * Pairs of edges with no skill in common that run along the same line for a stretch: where they
 * do, a reader cannot tell which prerequisite leads where, a worse fault than a crossing (and
 * one countCrossings does not see). Edges from one skill, or into one, may share a trunk.
 */
export function countUnrelatedOverlaps(layout: Pick<GraphLayout, "edges">): number {
  const edges = layout.edges;
  let overlaps = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i];
      const b = edges[j];
      if (a.from === b.from || a.to === b.to || a.from === b.to || a.to === b.from) continue;
      let run = 0;
      for (let s = 0; s + 1 < a.points.length; s++) {
        for (let t = 0; t + 1 < b.points.length; t++) {
          run += sharedRun(a.points[s], a.points[s + 1], b.points[t], b.points[t + 1]);
        }
      }
      if (run > 1) overlaps += 1;
    }
  }
  return overlaps;
}
