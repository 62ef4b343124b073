import { describe, expect, it } from "vitest";

import {
  clampEditorHeight,
  EDITOR_LINE_HEIGHT,
  EDITOR_PADDING,
  editorHeightForSource,
} from "@/app/_components/editor/editor-metrics";
import { highlightedLines } from "@/app/_components/editor/static-lines";

const lines = (n: number) => n * EDITOR_LINE_HEIGHT + 2 * EDITOR_PADDING;

describe("editor height", () => {
  it("is never less than 3 lines nor more than 30", () => {
    expect(clampEditorHeight(0)).toBe(lines(3));
    expect(clampEditorHeight(lines(5))).toBe(lines(5));
    expect(clampEditorHeight(lines(200))).toBe(lines(30));
  });

  it("counts lines as the editor does, a trailing newline being one more line", () => {
    expect(editorHeightForSource("h q;")).toBe(lines(3));
    expect(editorHeightForSource("a\nb\nc\nd")).toBe(lines(4));
    expect(editorHeightForSource("a\nb\nc\nd\n")).toBe(lines(5));
    expect(editorHeightForSource("a\r\nb\r\nc\r\nd")).toBe(lines(4));
  });
});

describe("highlightedLines", () => {
  it("has one entry per line, like the editor's line numbers", () => {
    const source = "qubit q;\n\nh q;\n";
    expect(highlightedLines(source)).toHaveLength(source.split("\n").length);
  });

  it("cuts a block comment at each newline and keeps its kind on every piece", () => {
    const result = highlightedLines("/* a\nb */ x q;");
    expect(result[0]).toEqual([{ kind: "comment", text: "/* a" }]);
    expect(result[1][0]).toEqual({ kind: "comment", text: "b */" });
    expect(result[1].map((t) => t.text).join("")).toBe("b */ x q;");
  });
});
