import { describe, expect, it } from "vitest";

import { countCrossings, countUnrelatedOverlaps } from "@/lib/roadmap/crossings";

const edge = (...points: [number, number][]) => ({
  from: `a${points.length}${points[0]?.join()}`,
  to: `b${points.length}${points.at(-1)?.join()}`,
  points: points.map(([x, y]) => ({ x, y })),
});

describe("countCrossings", () => {
  it("counts an X as one crossing and parallel lines as none", () => {
    expect(countCrossings({ edges: [edge([0, 0], [10, 10]), edge([0, 10], [10, 0])] })).toBe(1);
    expect(countCrossings({ edges: [edge([0, 0], [10, 0]), edge([0, 5], [10, 5])] })).toBe(0);
  });

  it("counts every point where two polylines cross, across all their segments", () => {
    // A zigzag through a horizontal line: three crossings.
    const zigzag = edge([0, -5], [10, 5], [20, -5], [30, 5]);
    expect(countCrossings({ edges: [zigzag, edge([-1, 0], [31, 0])] })).toBe(3);
    // Three lines through one point: three pairs cross there.
    const star = [edge([-5, 0], [5, 0]), edge([0, -5], [0, 5]), edge([-5, -5], [5, 5])];
    expect(countCrossings({ edges: star })).toBe(3);
  });

  it("does not count edges that only touch: a shared end, a bend on a line, a shared trunk", () => {
    const fan = [edge([0, 0], [10, 10]), edge([0, 0], [10, -10])];
    expect(countCrossings({ edges: fan })).toBe(0);
    const tee = [edge([0, 0], [10, 0]), edge([5, 0], [5, 10])];
    expect(countCrossings({ edges: tee })).toBe(0);
    // Orthogonal routes leaving one box together, then splitting.
    const trunk = [
      edge([0, 0], [5, 0], [5, 10], [10, 10]),
      edge([0, 0], [5, 0], [5, -10], [10, -10]),
    ];
    expect(countCrossings({ edges: trunk })).toBe(0);
  });

  it("is zero for no edges or edges without segments", () => {
    expect(countCrossings({ edges: [] })).toBe(0);
    expect(countCrossings({ edges: [edge(), edge([1, 1])] })).toBe(0);
  });
});

describe("countUnrelatedOverlaps", () => {
  const link = (from: string, to: string, ...points: [number, number][]) => ({
    from,
    to,
    points: points.map(([x, y]) => ({ x, y })),
  });

  it("counts unrelated edges sharing a stretch of line, not edges from or into one skill", () => {
    const a = link("a", "x", [0, 0], [10, 0], [10, 20]);
    const b = link("b", "y", [0, 5], [10, 5], [10, 30]);
    expect(countUnrelatedOverlaps({ edges: [a, b] })).toBe(1);
    const sameSource = link("a", "y", [0, 0], [10, 0], [10, 30]);
    expect(countUnrelatedOverlaps({ edges: [a, sameSource] })).toBe(0);
    const apart = link("b", "y", [0, 5], [12, 5], [12, 30]);
    expect(countUnrelatedOverlaps({ edges: [a, apart] })).toBe(0);
  });
});
