/** What every experiment chart shares: its default size and the lazily loaded Plot module. */
export const WIDTH = 560;
export const HEIGHT = 260;

export type PlotModule = typeof import("@observablehq/plot");
