/**
 * Which section of a page the reader is in: the last heading that has scrolled above the
 * reading line (a fixed fraction down the viewport), or none before the first heading.
 * Pure, so the rule is tested without a browser; use-current-section.ts feeds it positions.
 */
export interface HeadingPosition {
  readonly slug: string;
  /** Distance of the heading's top from the top of the viewport, in pixels. */
  readonly top: number;
}

/** The reading line, as a fraction of the viewport's height from its top. */
export const READING_LINE = 0.3;

export function currentSection(
  headings: readonly HeadingPosition[],
  readingLine: number,
): string | null {
  let current: string | null = null;
  for (const heading of headings) {
    if (heading.top > readingLine) break;
    current = heading.slug;
  }
  return current;
}
