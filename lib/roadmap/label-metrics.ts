/**
 * Text widths for the skill graph's labels, measured on the server where there is no browser to
 * ask. The drawing must fit the labels in whichever sans-serif font the reader's browser picks
 * (the site's stack ends in the generic `sans-serif`), so widths are an upper bound: the advance
 * widths of DejaVu Sans Bold, the widest common fallback (Linux's default sans-serif, wider than
 * Segoe UI, San Francisco, Roboto, Helvetica or Arial, bold or not).
 */

/** Advance widths of DejaVu Sans Bold for U+0020…U+007E, in thousandths of an em. */
const ASCII_WIDTHS = (
  "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 " +
  "696 696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 " +
  "637 995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 " +
  "716 593 716 678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 " +
  "645 652 582 712 365 712 838"
)
  .split(" ")
  .map(Number);

/** Anything outside ASCII (accents, dashes, symbols) counted as the widest letter, W. */
const OTHER_WIDTH = 1103;

/** The width of `text` in pixels at `fontSize` pixels: never less than a browser draws it. */
export function textWidth(text: string, fontSize: number): number {
  let thousandths = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    thousandths += code >= 0x20 && code <= 0x7e ? ASCII_WIDTHS[code - 0x20] : OTHER_WIDTH;
  }
  return (thousandths / 1000) * fontSize;
}

/**
 * `text` broken at spaces into lines no wider than `maxWidth`, greedily, every word kept whole
 * and in order. A single word wider than the line stands alone on its line (the caller sizes
 * the box by the widest line, so it still fits).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
