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
