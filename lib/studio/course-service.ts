import "server-only";

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
import type { Asker } from "@/lib/grading/service";
import type { LessonChecks } from "@/lib/grading/load-checks";
import { ContentError } from "@/lib/notebook/content-error";
import type { ContentLibrary } from "@/lib/notebook/load-content";
import { fileCourseRepository } from "@/lib/notebook/file-repository";
import { parseLesson } from "@/lib/notebook/parse-lesson";
import type { Course, Lesson } from "@/lib/notebook/types";
import { runTask } from "@/lib/tasks/service";

import { newCourseFiles } from "./new-course";
import { readOutline } from "./course-outline";
import { type Problem, problemFromContentError } from "./problem";
import { skillsText } from "./published-courses";
import { validateCourseTree } from "./validate-course";

/**
 * What instructors do to a studio course, between the routes (who asks, what they sent) and the
 * storage (db/queries/studio-courses.ts). Every file goes through the same loader and validator
 * as content/, so a course that publishes here would also load from content/.
 */

/** Grading every program of a large course can take a while; a hung one is stopped. */
const VERIFY_DEADLINE_MS = 120_000;

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
  | {
      readonly ok: true;
      readonly library: ContentLibrary;
      readonly course: Course;
      /** Each lesson's checks, by lesson id. */
      readonly lessonChecks: ReadonlyMap<string, LessonChecks>;
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Loads a course's files the way content/ is loaded (every lesson's checks included, the id
 * pinned); the first problem found is reported with its file and line. Cheap enough for every
 * save: the exercises' programs are graded separately (verifyCourse).
 */
export async function loadCourseFiles(courseId: string, files: CourseFiles): Promise<LoadedCourse> {
  const validation = await validateCourseTree(new Map(Object.entries(files)), {
    dirName: courseId,
    skillsText: await skillsText(),
    expectedCourseId: courseId,
    verifyReferences: false,
  });
  if (!validation.ok) return validation;
  const lessonChecks = new Map(validation.checks.map((c) => [c.lesson.meta.id, c]));
  return {
    ok: true,
    library: validation.library,
    course: validation.library.courses[0],
    lessonChecks,
  };
}

/**
 * Grades every exercise's worked programs (they must pass) and starter (it must fail), in the
 * simulation pool under the asker's rate limit: CPU work kept off the web process.
 */
export async function verifyCourse(
  asker: Asker,
  courseId: string,
  files: CourseFiles,
): Promise<readonly Problem[]> {
  const { problems } = await runTask(
    "verify-course",
    { courseId, files, skillsText: await skillsText() },
    { request: asker.request, userId: asker.userId, deadlineMs: VERIFY_DEADLINE_MS },
  );
  return problems;
}

/** A check file: saving one grades the exercises' programs too. */
const CHECK_FILE = /\.(exercises|quiz)\.yaml$/;

export type SaveFileOutcome = SaveOutcome & {
  readonly problems?: readonly Problem[];
  /** Whether the exercises' programs were graded on this save (check files only). */
  readonly verified?: boolean;
};

/** Saves one draft file, then reports what the loader finds wrong with the draft (if anything). */
export async function saveFile(
  db: Database,
  asker: Asker & { readonly user: PublicUser },
  course: StudioCourseRow,
  input: { name: string; text: string | null; baseRevision: number },
): Promise<SaveFileOutcome> {
  const { user } = asker;
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
  if (!loaded.ok) return { ...saved, problems: loaded.problems };
  if (!CHECK_FILE.test(input.name)) return { ...saved, problems: [] };
  // The save is already stored: a check that cannot run now (rate limit, busy pool) is only
  // reported as not done; publishing runs it again and refuses a course that fails it.
  const problems = await verifyCourse(asker, course.id, draft?.files ?? {}).catch(() => undefined);
  return { ...saved, problems: problems ?? [], verified: problems !== undefined };
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
  const stems = readOutline(draft["course.yaml"] ?? "").lessons;
  const position = Math.max(1, stems.indexOf(stem) + 1);
  try {
    const skills = await fileCourseRepository.listSkills();
    const lesson = parseLesson(
      { text, file: `courses/${courseId}/${name}`, courseId, position, stem },
      new Set(skills.map((s) => s.id)),
    );
    return { ok: true, lesson };
  } catch (error) {
    if (error instanceof ContentError) {
      return { ok: false, problems: [problemFromContentError(error, courseId)] };
    }
    throw error;
  }
}

export type PublishOutcome =
  | { readonly ok: true; readonly version: number; readonly title: string }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Publishes `files` as the next version, if they load; learners see it at once. */
async function publishFiles(
  db: Database,
  asker: Asker & { readonly user: PublicUser },
  course: StudioCourseRow,
  files: CourseFiles,
  note: string,
): Promise<PublishOutcome> {
  const { user } = asker;
  const loaded = await loadCourseFiles(course.id, files);
  if (!loaded.ok) return loaded;
  const problems = await verifyCourse(asker, course.id, files);
  if (problems.length) return { ok: false, problems };
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
  asker: Asker & { readonly user: PublicUser },
  course: StudioCourseRow,
  note: string,
): Promise<PublishOutcome> {
  const draft = await readDraft(db, course.id);
  return publishFiles(db, asker, course, draft?.files ?? {}, note);
}

/**
 * Rolls back to an earlier version: its files become the draft and are published again as a
 * new version, so the history only ever grows and learners see the old content at once.
 */
export async function rollBack(
  db: Database,
  asker: Asker & { readonly user: PublicUser },
  course: StudioCourseRow,
  version: number,
): Promise<PublishOutcome | { readonly ok: false; readonly missing: true }> {
  const files = await readVersion(db, course.id, version);
  if (!files) return { ok: false, missing: true };
  const outcome = await publishFiles(db, asker, course, files, `Rolled back to version ${version}`);
  if (outcome.ok) {
    await replaceDraft(db, {
      courseId: course.id,
      files,
      userId: asker.user.id,
      title: outcome.title,
    });
  }
  return outcome;
}
