/** Number formatting shared by the experiment views and their table twins. */
export const fixed = (x: number | undefined, digits = 4) =>
  x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);

export const percent = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? "–" : `${(100 * x).toFixed(1)} %`;
