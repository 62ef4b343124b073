import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { ContentError } from "@/lib/notebook/content-error";
import { loadContent } from "@/lib/notebook/load-content";

const FIXTURE = path.join(process.cwd(), "tests/fixtures/content");
const FIRST = "courses/demo/01-first.md";

let scratch: string | undefined;
afterEach(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A copy of the fixture content with one file rewritten, to show how a mistake is reported. */
async function contentWith(file: string, edit: (text: string) => string): Promise<string> {
  scratch = await mkdtemp(path.join(tmpdir(), "ketbook-content-"));
  await cp(FIXTURE, scratch, { recursive: true });
  const target = path.join(scratch, file);
  await writeFile(target, edit(await readFile(target, "utf8")));
  return scratch;
}

async function loadError(root: string): Promise<ContentError> {
  const error = await loadContent(root).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe("loadContent on valid content", () => {
  it("reads the course, its lessons in order, and their metadata", async () => {
    const { courses, lessons } = await loadContent(FIXTURE);
    expect(courses.map((c) => c.id)).toEqual(["demo"]);
    expect(courses[0].lessons.map((l) => [l.slug, l.position, l.minutes])).toEqual([
      ["first", 1, 12],
      ["second", 2, 8],
    ]);
    expect(lessons.get("demo/first")?.meta.id).toBe("first-lesson");
  });

  it("splits a lesson into prose and cells, with exercise flags and source lines", async () => {
    const lesson = (await loadContent(FIXTURE)).lessons.get("demo/first")!;
    const cells = lesson.blocks.filter((b) => b.kind === "code");
    expect(cells.map((c) => [c.id, c.exercise, c.line])).toEqual([
      ["plus-state", false, 21],
      ["flip-it", true, 36],
    ]);
    expect(cells[0].source).toContain("h q[0];");
    expect(lesson.toc).toEqual([
      { depth: 2, text: "Preparing a superposition", slug: "preparing-a-superposition" },
      { depth: 3, text: "A detail", slug: "a-detail" },
      { depth: 2, text: "Your turn", slug: "your-turn" },
    ]);
  });

  it("renders math with KaTeX, GFM tables, heading anchors — and drops unsafe HTML", async () => {
    const lesson = (await loadContent(FIXTURE)).lessons.get("demo/first")!;
    const html = lesson.blocks.map((b) => (b.kind === "prose" ? b.html : "")).join("");
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("<table>");
    expect(html).toContain('<h2 id="your-turn">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });
});

describe("loadContent reports broken content with file and line", () => {
  it("a missing lesson id", async () => {
    const root = await contentWith(FIRST, (t) => t.replace("id: first-lesson\n", ""));
    const error = await loadError(root);
    expect(error.message).toBe(
      `${FIRST}:2: id: Invalid input: expected string, received undefined`,
    );
  });

  it("a duplicate cell id", async () => {
    const root = await contentWith(FIRST, (t) =>
      t.replace("{#flip-it exercise}", "{#plus-state exercise}"),
    );
    expect((await loadError(root)).message).toBe(`${FIRST}:36: duplicate cell id "plus-state"`);
  });

  it("a cell id used in another lesson of the course", async () => {
    const root = await contentWith("courses/demo/02-second.md", (t) =>
      t.replace("{#bell}", "{#plus-state}"),
    );
    expect((await loadError(root)).message).toBe(
      `courses/demo/02-second.md:13: cell id "plus-state" is already used in ${FIRST}`,
    );
  });

  it("an unknown skill", async () => {
    const root = await contentWith(FIRST, (t) =>
      t.replace("skills: [qubits-superposition]", "skills: [qubits-superposition, telepathy]"),
    );
    expect((await loadError(root)).message).toBe(
      `${FIRST}:6: unknown skill "telepathy" (not in content/roadmap/skills.yaml)`,
    );
  });

  it("bad YAML in front matter", async () => {
    const root = await contentWith(FIRST, (t) => t.replace("minutes: 12", "minutes: [12"));
    const error = await loadError(root);
    expect(error.file).toBe(FIRST);
    expect(error.line).toBeGreaterThanOrEqual(5);
    expect(error.message).toMatch(/invalid YAML/);
  });

  it("a cell without an id", async () => {
    const root = await contentWith(FIRST, (t) => t.replace("```qasm {#plus-state}", "```qasm"));
    expect((await loadError(root)).message).toMatch(
      new RegExp(`^${FIRST}:21: a qasm cell needs a stable id`),
    );
  });

  it("a formula KaTeX cannot render", async () => {
    const root = await contentWith(FIRST, (t) => t.replace("with\n", "with $\\frac{1}{$\n"));
    const error = await loadError(root);
    expect(error.file).toBe(FIRST);
    expect(error.message).toMatch(/math: /);
  });

  it("a lesson listed in course.yaml but missing on disk, and a lesson file not listed", async () => {
    const missing = await contentWith("courses/demo/course.yaml", (t) =>
      t.replace("02-second", "02-absent"),
    );
    const error = await loadError(missing);
    expect(error.message).toBe(
      "courses/demo/course.yaml:7: lesson file courses/demo/02-absent.md does not exist",
    );
  });

  it("a skill prerequisite that does not exist", async () => {
    const root = await contentWith("roadmap/skills.yaml", (t) =>
      t.replace("[linear-algebra]", "[group-theory]"),
    );
    expect((await loadError(root)).message).toBe(
      'roadmap/skills.yaml:11: skill "qubits-superposition" has unknown prerequisite "group-theory"',
    );
  });
});
