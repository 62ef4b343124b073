/**
 * The decision function of a 2-feature classifier over a grid covering the data (with a margin),
 * for the decision-boundary heat map. 25 × 25 points: enough to see the boundary, cheap to run.
 */
import type { PreparedData } from "./data";
import type { DecisionMap, LabelledPoint } from "./result";
import type { Tracker } from "./tracker";

const GRID = 25;

export function decisionMap(
  data: PreparedData,
  decide: (x: readonly number[]) => number,
  tracker: Tracker,
): DecisionMap {
  const points: LabelledPoint[] = [
    ...data.train.features.map((x, i) => ({
      x,
      label: data.train.labels[i],
      split: "train" as const,
    })),
    ...data.test.features.map((x, i) => ({
      x,
      label: data.test.labels[i],
      split: "test" as const,
    })),
  ];
  const axis = (k: 0 | 1) => {
    const values = points.map((p) => p.x[k]);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const margin = (hi - lo || 1) * 0.1;
    return Array.from(
      { length: GRID },
      (_, i) => lo - margin + ((hi - lo + 2 * margin) * i) / (GRID - 1),
    );
  };
  const xs = axis(0);
  const ys = axis(1);
  const values = ys.map((y, j) => {
    tracker.phase(`decision boundary ${j + 1}/${GRID}`);
    return xs.map((x) => decide([x, y]));
  });
  return { xs, ys, values, points };
}
