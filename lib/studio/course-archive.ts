/**
 * A course as a zip in exactly the content/ format: `<dirName>/course.yaml`, `<dirName>/NN-slug.md`
 * and the rest, so the built-in course can be imported and a studio course committed to content/.
 *
 * Writing is deterministic (sorted entries, one fixed timestamp): the same tree gives the same
 * bytes, so an unchanged course exports to an unchanged file. Reading accepts one top-level
 * folder or files at the root, and refuses, with a message the uploader can act on, anything
 * that is not a course directory: traversal, folders inside, non-UTF-8 text, too many or too
 * large files (declared and actual sizes are both checked, see zip-reader.ts), duplicates.
 */
import { zipSync } from "fflate";

import {
  courseFileNameProblem,
  type CourseTree,
  CourseTreeError,
  assertCourseTree,
  decodeUtf8,
  isSystemFile,
  limitMessages,
  MAX_COURSE_BYTES,
  MAX_COURSE_FILE_BYTES,
  MAX_COURSE_FILES,
} from "./course-tree";
import { ArchiveError, listZipEntries, readZipEntry, type ZipEntry } from "./zip-reader";

export { ArchiveError };

/**
 * Every entry gets this time. DOS times are local, so the date is built from local fields: the
 * bytes are the same in every time zone.
 */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Entries an archive may list besides the course's files (folders, Finder's litter), at most. */
const MAX_ARCHIVE_ENTRIES = MAX_COURSE_FILES * 4;

export function writeCourseArchive(tree: CourseTree, dirName: string): Uint8Array {
  const dirProblem = courseFileNameProblem(dirName);
  if (dirProblem) throw new CourseTreeError(`course directory name: ${dirProblem}`);
  assertCourseTree(tree);
  const encoder = new TextEncoder();
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of [...tree.keys()].sort()) {
    entries[`${dirName}/${name}`] = [encoder.encode(tree.get(name)!), { mtime: FIXED_TIME }];
  }
  return zipSync(entries, { level: 9 });
}

export interface CourseArchive {
  /** The archive's one top-level folder; undefined when the files sit at its root. */
  readonly dirName: string | undefined;
  readonly tree: CourseTree;
}

/** Finder's resource forks and folder settings, which macOS adds to every zip it makes. */
function isIgnored(path: string): boolean {
  return path.startsWith("__MACOSX/") || isSystemFile(path.split("/").at(-1) ?? "");
}

/** The path's segments, or an ArchiveError for a path that could land outside the course. */
function segmentsOf(path: string): string[] {
  if (path.includes("\\")) {
    throw new ArchiveError(
      `"${path}" uses "\\" in its path: make the zip with a tool that writes "/" between folders`,
    );
  }
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    throw new ArchiveError(
      `"${path}" is an absolute path: a course archive holds relative paths only`,
    );
  }
  const segments = path.replace(/\/$/, "").split("/");
  if (segments.some((s) => s === ".." || s === "." || s === "")) {
    throw new ArchiveError(`"${path}" points outside its folder ("..", "." or an empty name)`);
  }
  return segments;
}

/** Where the course's files are: one folder (its name) or the root (undefined). */
function courseFolder(
  files: readonly { entry: ZipEntry; segments: string[] }[],
): string | undefined {
  const deep = files.find((f) => f.segments.length > 2);
  if (deep) {
    throw new ArchiveError(
      `"${deep.entry.name}" is in a nested folder: a course is one folder of files (course.yaml, the lessons and their checks), with no folders inside`,
    );
  }
  const folders = new Set(files.map((f) => (f.segments.length === 2 ? f.segments[0] : "")));
  if (folders.size > 1) {
    const named = [...folders].map((f) => (f === "" ? "the top level" : `"${f}/"`)).join(", ");
    throw new ArchiveError(
      `the archive's files are in more than one place (${named}): put the course's files in one folder, or all at the top level`,
    );
  }
  const [folder] = folders;
  if (!folder) return undefined;
  const problem = courseFileNameProblem(folder);
  if (problem) throw new ArchiveError(`the course folder: ${problem}`);
  return folder;
}

export function readCourseArchive(bytes: Uint8Array): CourseArchive {
  const entries = listZipEntries(bytes, MAX_ARCHIVE_ENTRIES).filter((e) => !isIgnored(e.name));
  const located = entries.map((entry) => ({ entry, segments: segmentsOf(entry.name) }));
  // Folder entries ("name/") only say a folder exists; the files say where the course is.
  const files = located.filter(({ entry }) => !entry.name.endsWith("/"));
  const folderEntries = located.filter(({ entry }) => entry.name.endsWith("/"));
  const nestedFolder = folderEntries.find((f) => f.segments.length > 1);
  if (nestedFolder) {
    throw new ArchiveError(
      `"${nestedFolder.entry.name}" is a nested folder: a course is one folder of files, with no folders inside`,
    );
  }
  if (files.length === 0) throw new ArchiveError("the archive holds no files");
  if (files.length > MAX_COURSE_FILES) {
    throw new ArchiveError(limitMessages.files(files.length));
  }
  const dirName = courseFolder(files);

  // Names and declared sizes are checked before a single byte is inflated.
  const names = new Set<string>();
  let declaredTotal = 0;
  for (const { entry, segments } of files) {
    const name = segments.at(-1)!;
    const problem = courseFileNameProblem(name);
    if (problem) throw new ArchiveError(problem);
    if (names.has(name)) throw new ArchiveError(`"${entry.name}" is in the archive twice`);
    names.add(name);
    if (entry.declaredSize > MAX_COURSE_FILE_BYTES) {
      throw new ArchiveError(limitMessages.fileBytes(name, entry.declaredSize));
    }
    declaredTotal += entry.declaredSize;
    if (declaredTotal > MAX_COURSE_BYTES) {
      throw new ArchiveError(limitMessages.totalBytes(declaredTotal));
    }
  }

  const tree = new Map<string, string>();
  for (const { entry, segments } of [...files].sort((a, b) =>
    compare(a.entry.name, b.entry.name),
  )) {
    const name = segments.at(-1)!;
    const text = decodeUtf8(readZipEntry(entry));
    if (text === undefined) {
      throw new ArchiveError(`"${entry.name}" is not UTF-8 text: save it as UTF-8`);
    }
    tree.set(name, text);
  }
  try {
    assertCourseTree(tree);
  } catch (error) {
    if (error instanceof CourseTreeError) throw new ArchiveError(error.message, { cause: error });
    throw error;
  }
  return { dirName, tree };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
