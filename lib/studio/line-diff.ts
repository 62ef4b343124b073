/**
 * A line diff for the version history: what changed in each file between two versions of a
 * course. Common head and tail lines are trimmed first (an edit usually touches a few lines of
 * a lesson), then the middle is aligned by longest common subsequence. A middle too large to
 * align cheaply is shown as removed-then-added, which is still correct, only less tidy.
 */

export type DiffLine =
  | {
      readonly kind: "same";
      readonly text: string;
      readonly oldLine: number;
      readonly newLine: number;
    }
  | { readonly kind: "removed"; readonly text: string; readonly oldLine: number }
  | { readonly kind: "added"; readonly text: string; readonly newLine: number };

export interface FileDiff {
  readonly name: string;
  readonly status: "added" | "removed" | "changed";
  readonly lines: readonly DiffLine[];
}

/** Beyond this many cells (middle lines × middle lines) the alignment is skipped. */
const MAX_ALIGNMENT_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;

  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++)
    out.push({ kind: "same", text: a[i], oldLine: i + 1, newLine: i + 1 });
  out.push(...alignMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head));
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ kind: "same", text: a[i], oldLine: i + 1, newLine: j + 1 });
  }
  return out;
}

function alignMiddle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_ALIGNMENT_CELLS) {
    return [
      ...a.map((text, i): DiffLine => ({ kind: "removed", text, oldLine: offset + i + 1 })),
      ...b.map((text, j): DiffLine => ({ kind: "added", text, newLine: offset + j + 1 })),
    ];
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: "same", text: a[i], oldLine: offset + i + 1, newLine: offset + j + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      // On a tie the old line goes first: a changed line reads as removed, then added.
      out.push({ kind: "removed", text: a[i], oldLine: offset + i + 1 });
      i++;
    } else {
      out.push({ kind: "added", text: b[j], newLine: offset + j + 1 });
      j++;
    }
  }
  return out;
}

/** The files that differ between two trees, by name, each with its line diff. */
export function diffTrees(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): FileDiff[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const diffs: FileDiff[] = [];
  for (const name of names) {
    const old = Object.hasOwn(before, name) ? before[name] : undefined;
    const next = Object.hasOwn(after, name) ? after[name] : undefined;
    if (old === next) continue;
    diffs.push({
      name,
      status: old === undefined ? "added" : next === undefined ? "removed" : "changed",
      lines: diffLines(old ?? "", next ?? ""),
    });
  }
  return diffs;
}
