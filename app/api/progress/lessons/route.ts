import { getDatabase } from "@/db/client";
import { addSkillEvidence, completeLesson, recordLessonVisit } from "@/db/queries/progress";
import { requireUser } from "@/lib/auth/guards";
import { BadRequestError, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { fileCourseRepository } from "@/lib/notebook/file-repository";

import { lessonEventSchema } from "./schema";

/** Records reading time or completion of a lesson for the signed-in learner. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request, lessonEventSchema, 4096);
  const course = await fileCourseRepository.getCourse(body.courseId);
  const lesson = course?.lessons.find((l) => l.id === body.lessonId);
  if (!lesson) throw new BadRequestError(400, `no lesson ${body.courseId}/${body.lessonId}`);
  const db = getDatabase().db;
  if (body.event === "visit") {
    await recordLessonVisit(db, user.id, body.courseId, body.lessonId, body.seconds);
    return Response.json({ ok: true });
  }
  const firstTime = await completeLesson(db, user.id, body.courseId, body.lessonId);
  await addSkillEvidence(
    db,
    user.id,
    lesson.skills.map((skillId) => ({
      skillId,
      kind: "lesson" as const,
      ref: `${body.courseId}/${body.lessonId}`,
      score: 1,
    })),
  );
  return Response.json({ completed: true, firstTime });
});
