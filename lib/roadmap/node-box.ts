/**
 * The box a skill is drawn in: type sizes, padding and the size its wrapped name needs. Shared by
 * the layout (server) and the drawing (browser), so it holds no layout code.
 */
import { textWidth, wrapText } from "./label-metrics";

/** Type sizes in pixels at the drawing's natural size (never drawn smaller by default). */
export const NAME_FONT_SIZE = 14;
export const META_FONT_SIZE = 12;
export const NAME_LINE_HEIGHT = 18;
export const META_LINE_HEIGHT = 16;
export const PADDING_X = 10;
export const PADDING_Y = 9;
/** Gap between the name and the status line. */
export const META_GAP = 3;
/**
 * The width text may take in a box. Every status line ("In progress, 100%") fits in it; names
 * wrap to it (tests/unit/roadmap/layout.test.ts checks both).
 */
export const NODE_TEXT_WIDTH = 176;
export const NODE_WIDTH = NODE_TEXT_WIDTH + 2 * PADDING_X;

/** The box a skill's name needs: every line of it whole, plus the status line below. */
export function nodeLabel(name: string): {
  lines: string[];
  width: number;
  height: number;
} {
  const lines = wrapText(name, NODE_TEXT_WIDTH, NAME_FONT_SIZE);
  // A single word longer than the line widens the box rather than being cut.
  const widest = Math.max(0, ...lines.map((l) => textWidth(l, NAME_FONT_SIZE)));
  const width = Math.max(NODE_WIDTH, Math.ceil(widest) + 2 * PADDING_X);
  const height = 2 * PADDING_Y + lines.length * NAME_LINE_HEIGHT + META_GAP + META_LINE_HEIGHT;
  return { lines, width, height };
}
