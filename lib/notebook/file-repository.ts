import "server-only";

import path from "node:path";

import { type ContentLibrary, loadContent } from "./load-content";
import type { CourseRepository } from "./repository";

/** Where content lives: KETBOOK_CONTENT_DIR, or content/ in the working directory. */
export function contentRoot(): string {
  return process.env.KETBOOK_CONTENT_DIR ?? path.join(process.cwd(), "content");
}

/**
 * Content is read-only at run time, so each process parses it once and keeps it (per-process
 * state is fine here: every node reads the same files).
 */
let library: Promise<ContentLibrary> | undefined;

/** The whole validated content library, loaded once per process. */
export function getContentLibrary(): Promise<ContentLibrary> {
  return load();
}

function load(): Promise<ContentLibrary> {
  library ??= loadContent(contentRoot()).catch((error: unknown) => {
    library = undefined; // let a fixed file be picked up on the next request
    throw error;
  });
  return library;
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
