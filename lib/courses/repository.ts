import "server-only";

import type { LessonChecks } from "@/lib/grading/load-checks";
import { getLessonChecks as getFileLessonChecks } from "@/lib/grading/repository";
import { fileCourseRepository } from "@/lib/notebook/file-repository";
import type { CourseRepository } from "@/lib/notebook/repository";
import {
  publishedLessonChecks,
  publishedStudioCourse,
  publishedStudioCourses,
} from "@/lib/studio/published-courses";

/**
 * Every course a learner can take: the built-in ones from content/ and the published versions of
 * studio courses, behind the one CourseRepository interface. File courses win an id (studio ids
 * that clash with content/ are refused at creation), and are answered without the database.
 */
export const courseRepository: CourseRepository = {
  async listCourses() {
    const [files, studio] = await Promise.all([
      fileCourseRepository.listCourses(),
      publishedStudioCourses(),
    ]);
    return [...files, ...studio.flatMap((s) => s.library.courses)];
  },
  async getCourse(courseId) {
    return (
      (await fileCourseRepository.getCourse(courseId)) ??
      (await publishedStudioCourse(courseId))?.library.courses[0]
    );
  },
  async getLesson(courseId, lessonSlug) {
    const fromFiles = await fileCourseRepository.getCourse(courseId);
    if (fromFiles) return fileCourseRepository.getLesson(courseId, lessonSlug);
    return (await publishedStudioCourse(courseId))?.library.lessons.get(
      `${courseId}/${lessonSlug}`,
    );
  },
  listSkills() {
    return fileCourseRepository.listSkills();
  },
};

/** Whether a course is one of content/'s (reviewed with the code, so it may evidence skills). */
export async function isBuiltInCourse(courseId: string): Promise<boolean> {
  return (await fileCourseRepository.getCourse(courseId)) !== undefined;
}

/** The server-only checks of a lesson of any course, or undefined for no such lesson. */
export async function getLessonChecks(
  courseId: string,
  lessonId: string,
): Promise<LessonChecks | undefined> {
  if (await isBuiltInCourse(courseId)) return getFileLessonChecks(courseId, lessonId);
  return publishedLessonChecks(courseId, lessonId);
}
