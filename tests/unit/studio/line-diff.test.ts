import { describe, expect, it } from "vitest";

import { type DiffLine, diffLines, diffTrees } from "@/lib/studio/line-diff";

/** Applying a diff's kept and added lines must give back the new text; kept and removed, the old. */
function sides(lines: readonly DiffLine[]) {
  return {
    before: lines
      .filter((l) => l.kind !== "added")
      .map((l) => l.text)
      .join("\n"),
    after: lines
      .filter((l) => l.kind !== "removed")
      .map((l) => l.text)
      .join("\n"),
  };
}

describe("diffLines", () => {
  it("marks one changed line in the middle of a file as removed then added", () => {
    const lines = diffLines("a\nb\nc\nd", "a\nb\nC\nd");
    expect(lines.map((l) => `${l.kind[0]}${l.text}`)).toEqual(["sa", "sb", "rc", "aC", "sd"]);
    expect(lines[3]).toMatchObject({ kind: "added", newLine: 3 });
    expect(lines[4]).toMatchObject({ kind: "same", oldLine: 4, newLine: 4 });
  });

  it("aligns inserted and deleted blocks by their common lines", () => {
    const lines = diffLines("x\n1\n2\n3\ny", "x\n0\n1\n3\ny\nz");
    expect(lines.filter((l) => l.kind !== "same").map((l) => `${l.kind[0]}${l.text}`)).toEqual([
      "a0",
      "r2",
      "az",
    ]);
  });

  it("round-trips both sides for random edits", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const before = Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
        String(Math.floor(random() * 6)),
      ).join("\n");
      const after = before
        .split("\n")
        .flatMap((line) => (random() < 0.2 ? [] : random() < 0.2 ? [line, "new"] : [line]))
        .join("\n");
      expect(sides(diffLines(before, after))).toEqual({ before, after });
    }
  });

  it("keeps a diff too large to align correct", () => {
    const before = Array.from({ length: 2500 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 2500 }, (_, i) => `new ${i}`).join("\n");
    expect(sides(diffLines(before, after))).toEqual({ before, after });
  });
});

describe("diffTrees", () => {
  it("lists added, removed and changed files by name and skips equal ones", () => {
    const diffs = diffTrees(
      { "a.md": "1", "b.md": "same", "c.md": "gone" },
      { "a.md": "2", "b.md": "same", "d.md": "new" },
    );
    expect(diffs.map((d) => [d.name, d.status])).toEqual([
      ["a.md", "changed"],
      ["c.md", "removed"],
      ["d.md", "added"],
    ]);
  });
});
