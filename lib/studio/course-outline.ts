import { isMap, isSeq, parseDocument } from "yaml";

/**
 * Structured edits to a course's course.yaml (title, summary, level, lesson order), made on the
 * YAML document itself so the author's comments and layout survive; what the studio's course
 * page changes is exactly what a text editor would have.
 */

export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type Level = (typeof LEVELS)[number];

export interface CourseOutline {
  readonly title: string;
  readonly summary: string;
  readonly level: string;
  /** Lesson file stems in teaching order (`01-welcome`). */
  readonly lessons: readonly string[];
}

/** What course.yaml says, as far as it can be read (missing fields are empty). */
export function readOutline(text: string): CourseOutline {
  const doc = parseDocument(text);
  const data = (isMap(doc.contents) ? doc.toJS() : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    title: str(data.title),
    summary: str(data.summary),
    level: str(data.level),
    lessons: Array.isArray(data.lessons) ? data.lessons.filter((l) => typeof l === "string") : [],
  };
}

/** course.yaml with some fields replaced; everything else (comments included) is kept. */
export function withOutline(text: string, changes: Partial<CourseOutline>): string {
  if (Object.values(changes).every((v) => v === undefined)) return text;
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`course.yaml is not valid YAML: ${doc.errors[0].message}`);
  for (const key of ["title", "summary", "level"] as const) {
    const value = changes[key];
    if (value !== undefined) doc.set(key, value.trim());
  }
  if (changes.lessons) {
    const node = doc.get("lessons", true);
    if (isSeq(node)) {
      // Keep each item node (and its comment) but in the new order; add and drop as asked.
      const byStem = new Map(
        node.items.map((item) => [String((item as { value?: unknown }).value ?? item), item]),
      );
      node.items = changes.lessons.map((stem) => byStem.get(stem) ?? doc.createNode(stem));
    } else {
      doc.set("lessons", doc.createNode([...changes.lessons]));
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** Moves the lesson at `from` to `to` (both 0-based), as drag-and-drop or the keys do. */
export function moveLesson(lessons: readonly string[], from: number, to: number): string[] {
  const order = [...lessons];
  if (from < 0 || from >= order.length || to < 0 || to >= order.length) return order;
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  return order;
}

/** The next free `NN-slug` stem for a new lesson titled `title`. */
export function newLessonStem(lessons: readonly string[], title: string): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "lesson";
  const numbers = lessons.map((stem) => Number(stem.slice(0, 2))).filter(Number.isFinite);
  const next = Math.min(99, Math.max(0, ...numbers) + 1);
  const slugs = new Set(lessons.map((stem) => stem.slice(3)));
  let candidate = slug;
  for (let n = 2; slugs.has(candidate); n++) candidate = `${slug}-${n}`;
  return `${String(next).padStart(2, "0")}-${candidate}`;
}

/** A new lesson's Markdown: front matter the loader accepts, and one prose line to replace. */
export function newLessonText(courseId: string, stem: string, title: string): string {
  const slug = stem.slice(3);
  return [
    "---",
    `id: ${courseId}-${slug}`.slice(0, 100),
    `title: ${JSON.stringify(title.trim() || "New lesson")}`,
    "summary: One sentence on what this lesson teaches.",
    "minutes: 10",
    "skills: [qubits-superposition]",
    "objectives:",
    "  - What a learner can do after this lesson.",
    "---",
    "",
    "Write the lesson here: Markdown, $math$, and code cells.",
    "",
  ].join("\n");
}
