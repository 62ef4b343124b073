/**
 * An instructor's course as data: the files of ONE course directory in the content/ format
 * (`course.yaml`, `NN-slug.md`, `NN-slug.exercises.yaml`, `NN-slug.quiz.yaml`, and any other
 * file, such as `objectives.yaml`, kept verbatim), by plain file name. The same tree is stored
 * in the database, written to and read from a zip, and validated by the content loaders through
 * `courseTreeFiles`, so a studio course and a directory under content/ are one format.
 *
 * The limits bound what one course may hold, so no upload or stored course can make the server
 * load, validate or zip an unbounded amount of text.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { memoryFiles, type ContentFiles } from "@/lib/notebook/content-files";

/** File name → text. Names are plain file names (no directories). */
export type CourseTree = ReadonlyMap<string, string>;

export const MAX_COURSE_FILES = 200;
export const MAX_COURSE_FILE_BYTES = 512 * 1024;
export const MAX_COURSE_BYTES = 8 * 1024 * 1024;
/** Lower case, digits, `.`, `_` and `-`; no directories, no hidden files. */
export const COURSE_FILE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** A course tree that breaks a limit or the naming rule; the message names the limit. */
export class CourseTreeError extends Error {
  /** The file at fault, when one is. */
  readonly file?: string;

  constructor(message: string, options?: ErrorOptions & { file?: string }) {
    super(message, options);
    this.name = "CourseTreeError";
    if (options?.file !== undefined) this.file = options.file;
  }
}

const KIB = 1024;
const describeBytes = (bytes: number): string =>
  bytes >= KIB * KIB ? `${bytes / (KIB * KIB)} MiB` : `${bytes / KIB} KiB`;

/** Files an operating system leaves beside a course (Finder's metadata), never course content. */
export function isSystemFile(name: string): boolean {
  return name === ".DS_Store" || name.startsWith("._");
}

/** Why `name` cannot be a course file, or undefined when it can. */
export function courseFileNameProblem(name: string): string | undefined {
  if (name.includes("/") || name.includes("\\")) {
    return `"${name}" is in a subdirectory: a course is one directory of files, with no folders inside`;
  }
  if (!COURSE_FILE_NAME.test(name)) {
    return `"${name}" is not a valid course file name: use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit`;
  }
  return undefined;
}

/** Messages for the three limits, shared by every reader of courses (directory, zip, database). */
export const limitMessages = {
  files: (count: number) =>
    `the course has ${count} files; a course may hold at most ${MAX_COURSE_FILES}`,
  fileBytes: (name: string, bytes: number) =>
    `"${name}" is ${bytes} bytes; a course file may be at most ${describeBytes(MAX_COURSE_FILE_BYTES)}`,
  totalBytes: (bytes: number) =>
    `the course's files add up to more than ${describeBytes(MAX_COURSE_BYTES)} (${bytes} bytes)`,
};

/** Throws CourseTreeError unless every name is valid and the tree is within the limits. */
export function assertCourseTree(tree: CourseTree): void {
  if (tree.size > MAX_COURSE_FILES) throw new CourseTreeError(limitMessages.files(tree.size));
  let total = 0;
  for (const [name, text] of tree) {
    const problem = courseFileNameProblem(name);
    if (problem) throw new CourseTreeError(problem, { file: name });
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > MAX_COURSE_FILE_BYTES) {
      throw new CourseTreeError(limitMessages.fileBytes(name, bytes), { file: name });
    }
    total += bytes;
  }
  if (total > MAX_COURSE_BYTES) throw new CourseTreeError(limitMessages.totalBytes(total));
}

/** Strict UTF-8 (a byte order mark is kept as text, so a file round-trips byte for byte). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Every regular file of a course directory on disk (e.g. content/courses/qml-foundations),
 * sorted by name. Operating-system litter is skipped; a subdirectory, a bad name, text that is
 * not UTF-8 or a broken limit is a CourseTreeError.
 */
export async function readCourseDirectory(dir: string): Promise<CourseTree> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !isSystemFile(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.length > MAX_COURSE_FILES) {
    throw new CourseTreeError(limitMessages.files(entries.length));
  }
  const tree = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile()) {
      throw new CourseTreeError(
        `"${entry.name}" is not a regular file: a course is one directory of files, with no folders or links inside`,
      );
    }
    const problem = courseFileNameProblem(entry.name);
    if (problem) throw new CourseTreeError(problem);
    const bytes = await readFile(path.join(dir, entry.name));
    if (bytes.length > MAX_COURSE_FILE_BYTES) {
      throw new CourseTreeError(limitMessages.fileBytes(entry.name, bytes.length));
    }
    const text = decodeUtf8(bytes);
    if (text === undefined) throw new CourseTreeError(`"${entry.name}" is not UTF-8 text`);
    tree.set(entry.name, text);
  }
  assertCourseTree(tree);
  return tree;
}

/**
 * The content tree the loaders read: `roadmap/skills.yaml` (the skills every course draws on)
 * and this course's files under `courses/<dirName>/`.
 */
export function courseTreeFiles(
  tree: CourseTree,
  dirName: string,
  skillsText: string,
): ContentFiles {
  const problem = courseFileNameProblem(dirName);
  if (problem) throw new CourseTreeError(`course directory name: ${problem}`);
  const files = new Map<string, string>([["roadmap/skills.yaml", skillsText]]);
  for (const [name, text] of tree) {
    const nameProblem = courseFileNameProblem(name);
    if (nameProblem) throw new CourseTreeError(nameProblem);
    files.set(`courses/${dirName}/${name}`, text);
  }
  return memoryFiles(files);
}
