import "server-only";

import type { Database } from "@/db/client";
import { addSkillEvidence, completeLesson } from "@/db/queries/progress";
import { courseRepository } from "@/lib/courses/repository";

/** The lesson named is not in the course (answered 400 at the edge). */
export class UnknownLessonError extends Error {
  constructor(courseId: string, lessonId: string) {
    super(`no lesson ${courseId}/${lessonId}`);
    this.name = "UnknownLessonError";
  }
}

/**
 * Marks a lesson completed for a learner and records the lesson's skills as evidence, together
 * or not at all. Repeating it changes nothing: the first completion time is kept and evidence
 * keeps its best score. True on the first completion.
 */
export async function markLessonComplete(
  db: Database,
  userId: string,
  courseId: string,
  lessonId: string,
): Promise<boolean> {
  const course = await courseRepository.getCourse(courseId);
  const lesson = course?.lessons.find((l) => l.id === lessonId);
  if (!lesson) throw new UnknownLessonError(courseId, lessonId);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    const firstTime = await completeLesson(tx, userId, courseId, lessonId);
    await addSkillEvidence(
      tx,
      userId,
      lesson.skills.map((skillId) => ({
        skillId,
        kind: "lesson" as const,
        ref: `${courseId}/${lessonId}`,
        score: 1,
      })),
    );
    return firstTime;
  });
}
