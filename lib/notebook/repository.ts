import type { Course, Lesson, Skill } from "./types";

/**
 * How pages read courses. The file-backed implementation serves content/; a database-backed one
 * will serve instructors' courses. Pages depend only on this interface, so both render the same.
 */
export interface CourseRepository {
  listCourses(): Promise<readonly Course[]>;
  getCourse(courseId: string): Promise<Course | undefined>;
  getLesson(courseId: string, lessonSlug: string): Promise<Lesson | undefined>;
  listSkills(): Promise<readonly Skill[]>;
}
