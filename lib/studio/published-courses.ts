import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import { getDatabase } from "@/db/client";
import {
  findStudioCourse,
  listPublishedStudioCourses,
  readVersion,
} from "@/db/queries/studio-courses";
import { processCache } from "@/lib/cache/process-cache";
import { type LessonChecks, loadLessonChecks } from "@/lib/grading/load-checks";
import type { ContentFiles } from "@/lib/notebook/content-files";
import { contentRoot } from "@/lib/notebook/file-repository";
import { type ContentLibrary, loadContent } from "@/lib/notebook/load-content";

import { courseTreeFiles } from "./course-tree";

/**
 * Learners' side of studio courses: the published version of each, loaded through the same
 * loader and validator as content/. Versions never change once written, so a parsed version is
 * cached per process under its number; which version is current is asked of the database on
 * every call (one small query), so a publication on one node is seen by every node at once.
 */

/** The shared skills file: studio courses evidence the same skills as the built-in ones. */
export function skillsText(): Promise<string> {
  return processCache(`skills-text:${contentRoot()}`, () =>
    readFile(path.join(contentRoot(), "roadmap", "skills.yaml"), "utf8"),
  );
}

export interface PublishedCourse {
  readonly version: number;
  readonly library: ContentLibrary;
  readonly files: ContentFiles;
}

function loadVersion(courseId: string, version: number): Promise<PublishedCourse> {
  return processCache(`studio-course:${courseId}@${version}`, async () => {
    const files = await readVersion(getDatabase().db, courseId, version);
    if (!files) throw new Error(`version ${version} of ${courseId} is missing`);
    const tree = courseTreeFiles(new Map(Object.entries(files)), courseId, await skillsText());
    return { version, library: await loadContent(tree), files: tree };
  });
}

/** Every published studio course, at its current version. */
export async function publishedStudioCourses(): Promise<PublishedCourse[]> {
  const rows = await listPublishedStudioCourses(getDatabase().db);
  return Promise.all(rows.map((r) => loadVersion(r.id, r.version)));
}

export async function publishedStudioCourse(
  courseId: string,
): Promise<PublishedCourse | undefined> {
  const row = await findStudioCourse(getDatabase().db, courseId);
  return row?.publishedVersion ? loadVersion(row.id, row.publishedVersion) : undefined;
}

/** The checks of a lesson of a published studio course (server-only, like content/'s). */
export async function publishedLessonChecks(
  courseId: string,
  lessonId: string,
): Promise<LessonChecks | undefined> {
  const course = await publishedStudioCourse(courseId);
  if (!course) return undefined;
  const lesson = [...course.library.lessons.values()].find((l) => l.meta.id === lessonId);
  if (!lesson) return undefined;
  const stem = path.posix.basename(lesson.meta.file, ".md");
  return processCache(`studio-checks:${courseId}@${course.version}/${lessonId}`, () =>
    loadLessonChecks(course.files, courseId, stem, { library: course.library }),
  );
}
