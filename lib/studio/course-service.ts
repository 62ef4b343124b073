import "server-only";

import path from "node:path";

import type { Database } from "@/db/client";
import {
  type CourseFiles,
  createStudioCourse,
  publishVersion,
  readDraft,
  readVersion,
  replaceDraft,
  saveDraftFile,
  setStudioCourseTitle,
  type SaveOutcome,
} from "@/db/queries/studio-courses";
import type { PublicUser } from "@/db/queries/users";
import type { StudioCourseRow } from "@/db/schema";
import { loadLessonChecks } from "@/lib/grading/load-checks";
import { type ContentLibrary, loadContent } from "@/lib/notebook/load-content";
import { fileCourseRepository } from "@/lib/notebook/file-repository";
import { parseLesson } from "@/lib/notebook/parse-lesson";
import type { Course, Lesson } from "@/lib/notebook/types";

import { newCourseFiles } from "./new-course";
import { type Problem, problemOf } from "./problems";
import { skillsText, studioContentFiles } from "./published-courses";

/**
 * What instructors do to a studio course, between the routes (who asks, what they sent) and the
 * storage (db/queries/studio-courses.ts). Every file goes through the same loader and validator
 * as content/, so a course that publishes here would also load from content/.
 */

export const STUDIO_LIMITS = {
  maxFiles: 200,
  maxFileBytes: 512 * 1024,
} as const;

const FILE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Why a file name or text cannot be stored (400 a bad name, 413 too big), or undefined. */
export function fileRefusal(
  name: string,
  text: string | null,
): { readonly status: 400 | 413; readonly message: string } | undefined {
  if (!FILE_NAME.test(name) || name.includes("..")) {
    return {
      status: 400,
      message: `"${name}" is not a course file name: use lower-case letters, digits, dots, dashes and underscores (no folders)`,
    };
  }
  if (text !== null && Buffer.byteLength(text, "utf8") > STUDIO_LIMITS.maxFileBytes) {
    return {
      status: 413,
      message: `a course file is limited to ${STUDIO_LIMITS.maxFileBytes / 1024} KiB (maxFileBytes)`,
    };
  }
  return undefined;
}

export async function createCourse(
  db: Database,
  user: PublicUser,
  input: { id: string; title: string },
): Promise<StudioCourseRow> {
  return createStudioCourse(db, {
    id: input.id,
    title: input.title,
    ownerId: user.id,
    files: newCourseFiles(input.id, input.title),
  });
}

export type LoadedCourse =
  | { readonly ok: true; readonly library: ContentLibrary; readonly course: Course }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Loads a course's files the way content/ is loaded, every lesson's checks included; the first
 * problem found is reported with its file and line (the loader stops there, as it does for
 * content/).
 */
export async function loadCourseFiles(courseId: string, files: CourseFiles): Promise<LoadedCourse> {
  try {
    const tree = studioContentFiles(courseId, files, await skillsText());
    const library = await loadContent(tree);
    const course = library.courses[0];
    if (!course || library.courses.length !== 1) {
      return {
        ok: false,
        problems: [{ file: "course.yaml", line: 1, message: "the course has no course.yaml" }],
      };
    }
    if (course.id !== courseId) {
      return {
        ok: false,
        problems: [
          {
            file: "course.yaml",
            line: 1,
            message: `the course id must stay "${courseId}" (it is in learners' progress and links)`,
          },
        ],
      };
    }
    for (const lesson of library.lessons.values()) {
      const stem = path.posix.basename(lesson.meta.file, ".md");
      await loadLessonChecks(tree, courseId, stem, { library });
    }
    return { ok: true, library, course };
  } catch (error) {
    return { ok: false, problems: [problemOf(error)] };
  }
}

export type SaveFileOutcome = SaveOutcome & { readonly problems?: readonly Problem[] };

/** Saves one draft file, then reports what the loader finds wrong with the draft (if anything). */
export async function saveFile(
  db: Database,
  user: PublicUser,
  course: StudioCourseRow,
  input: { name: string; text: string | null; baseRevision: number },
): Promise<SaveFileOutcome> {
  const saved = await saveDraftFile(db, {
    courseId: course.id,
    name: input.name,
    text: input.text,
    baseRevision: input.baseRevision,
    userId: user.id,
    maxFiles: STUDIO_LIMITS.maxFiles,
  });
  if (!saved.ok) return saved;
  const draft = await readDraft(db, course.id);
  const loaded = await loadCourseFiles(course.id, draft?.files ?? {});
  if (loaded.ok && loaded.course.title !== course.title) {
    await setStudioCourseTitle(db, course.id, loaded.course.title);
  }
  return { ...saved, problems: loaded.ok ? [] : loaded.problems };
}

export type PreviewOutcome =
  | { readonly ok: true; readonly lesson: Lesson }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Renders one lesson's text through the real parser and renderer, without saving it. */
export async function previewLesson(
  courseId: string,
  name: string,
  text: string,
  draft: CourseFiles,
): Promise<PreviewOutcome> {
  const stem = name.replace(/\.md$/, "");
  const order = /^\s*-\s*(\d{2}-[a-z0-9-]+)\s*$/gm;
  const stems = [...(draft["course.yaml"] ?? "").matchAll(order)].map((m) => m[1]);
  const position = Math.max(1, stems.indexOf(stem) + 1);
  try {
    const skills = await fileCourseRepository.listSkills();
    const lesson = parseLesson(
      { text, file: `courses/${courseId}/${name}`, courseId, position, stem },
      new Set(skills.map((s) => s.id)),
    );
    return { ok: true, lesson };
  } catch (error) {
    return { ok: false, problems: [problemOf(error)] };
  }
}

export type PublishOutcome =
  | { readonly ok: true; readonly version: number; readonly title: string }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Publishes `files` as the next version, if they load; learners see it at once. */
async function publishFiles(
  db: Database,
  user: PublicUser,
  course: StudioCourseRow,
  files: CourseFiles,
  note: string,
): Promise<PublishOutcome> {
  const loaded = await loadCourseFiles(course.id, files);
  if (!loaded.ok) return loaded;
  const version = await publishVersion(db, {
    courseId: course.id,
    files,
    note,
    userId: user.id,
    catalog: loaded.course,
  });
  return { ok: true, version, title: loaded.course.title };
}

export async function publishDraft(
  db: Database,
  user: PublicUser,
  course: StudioCourseRow,
  note: string,
): Promise<PublishOutcome> {
  const draft = await readDraft(db, course.id);
  return publishFiles(db, user, course, draft?.files ?? {}, note);
}

/**
 * Rolls back to an earlier version: its files become the draft and are published again as a
 * new version, so the history only ever grows and learners see the old content at once.
 */
export async function rollBack(
  db: Database,
  user: PublicUser,
  course: StudioCourseRow,
  version: number,
): Promise<PublishOutcome | { readonly ok: false; readonly missing: true }> {
  const files = await readVersion(db, course.id, version);
  if (!files) return { ok: false, missing: true };
  const outcome = await publishFiles(db, user, course, files, `Rolled back to version ${version}`);
  if (outcome.ok) {
    await replaceDraft(db, { courseId: course.id, files, userId: user.id, title: outcome.title });
  }
  return outcome;
}
