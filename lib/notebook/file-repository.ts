import "server-only";

import path from "node:path";

import { processCache } from "@/lib/cache/process-cache";

import { type ContentLibrary, loadContent } from "./load-content";
import type { CourseRepository } from "./repository";

/** Where content lives: KETBOOK_CONTENT_DIR, or content/ in the working directory. */
export function contentRoot(): string {
  return process.env.KETBOOK_CONTENT_DIR ?? path.join(process.cwd(), "content");
}

/**
 * Content is read-only at run time, so each process parses it once and keeps it (per-process
 * state is fine here: every node reads the same files). Shared by every bundle of the process
 * (lib/cache/process-cache.ts), so start-up's load serves the first page too.
 */
/** The whole validated content library, loaded once per process. */
export function getContentLibrary(): Promise<ContentLibrary> {
  return load();
}

function load(): Promise<ContentLibrary> {
  const root = contentRoot();
  return processCache(`content:${root}`, () => loadContent(root));
}

export const fileCourseRepository: CourseRepository = {
  async listCourses() {
    return (await load()).courses;
  },
  async getCourse(courseId) {
    return (await load()).courses.find((c) => c.id === courseId);
  },
  async getLesson(courseId, lessonSlug) {
    return (await load()).lessons.get(`${courseId}/${lessonSlug}`);
  },
  async listSkills() {
    return (await load()).skills;
  },
};
