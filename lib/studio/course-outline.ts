import { isMap, isScalar, isSeq, parseDocument, stringify } from "yaml";

/**
 * Structured edits to a course's course.yaml (title, summary, level, lesson order), made on the
 * YAML document itself so the author's comments and layout survive; what the studio's course
 * page changes is exactly what a text editor would have.
 */

export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type Level = (typeof LEVELS)[number];

export interface CourseOutline {
  readonly id: string;
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
    id: str(data.id),
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
  if (!changes.lessons) {
    const spliced = spliceScalars(text, doc, changes);
    if (spliced !== undefined) return spliced;
  }
  for (const key of SCALAR_KEYS) {
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

const SCALAR_KEYS = ["id", "title", "summary", "level"] as const;

/**
 * Replaces only the changed scalars' text in place, so every other byte of the file stays as
 * written (a renamed course differs from its source in that one line). Undefined when a field
 * is missing or not a plain scalar; the caller then rewrites the document.
 */
function spliceScalars(
  text: string,
  doc: ReturnType<typeof parseDocument>,
  changes: Partial<CourseOutline>,
): string | undefined {
  const edits: { start: number; end: number; value: string }[] = [];
  for (const key of SCALAR_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    const node = doc.get(key, true);
    if (!isScalar(node) || !node.range) return undefined;
    edits.push({
      start: node.range[0],
      end: node.range[1],
      value: stringify(value.trim(), { lineWidth: 0 }).trimEnd(),
    });
  }
  return edits
    .sort((a, b) => b.start - a.start)
    .reduce((out, e) => out.slice(0, e.start) + e.value + out.slice(e.end), text);
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
  const slug = kebabSlug(title, 40) || "lesson";
  const numbers = lessons.map((stem) => Number(stem.slice(0, 2))).filter(Number.isFinite);
  const next = Math.min(99, Math.max(0, ...numbers) + 1);
  const slugs = new Set(lessons.map((stem) => stem.slice(3)));
  let candidate = slug;
  for (let n = 2; slugs.has(candidate); n++) candidate = `${slug}-${n}`;
  return `${String(next).padStart(2, "0")}-${candidate}`;
}

/** Text as a kebab-case id (accents dropped): what a title becomes in a URL. */
export function kebabSlug(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
