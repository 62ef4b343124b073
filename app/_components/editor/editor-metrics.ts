/**
 * One set of measurements for the Monaco editor and its stand-in (the highlighted code shown
 * until Monaco has loaded), so swapping one for the other does not move the page.
 */
export const EDITOR_LINE_HEIGHT = 22;
export const EDITOR_FONT_SIZE = 14;
/** Space above the first and below the last line. */
export const EDITOR_PADDING = 12;
export const EDITOR_MIN_LINES = 3;
/** Past this many lines the editor stops growing and scrolls. */
export const EDITOR_MAX_LINES = 30;

/** Height in px for content of `contentHeight` px (Monaco's own measure, padding included). */
export function clampEditorHeight(contentHeight: number): number {
  const min = EDITOR_MIN_LINES * EDITOR_LINE_HEIGHT + 2 * EDITOR_PADDING;
  const max = EDITOR_MAX_LINES * EDITOR_LINE_HEIGHT + 2 * EDITOR_PADDING;
  return Math.min(Math.max(Math.ceil(contentHeight), min), max);
}

/**
 * Height in px of `source` in the editor (no wrapping): what the stand-in reserves. Lines are
 * counted as Monaco counts them, so a trailing newline is one more (empty) line.
 */
export function editorHeightForSource(source: string): number {
  const lines = source.split(/\r\n|\r|\n/).length;
  return clampEditorHeight(lines * EDITOR_LINE_HEIGHT + 2 * EDITOR_PADDING);
}
