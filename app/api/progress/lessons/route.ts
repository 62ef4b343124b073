import { getDatabase } from "@/db/client";
import { findLessonCompletion, recordLessonVisit } from "@/db/queries/progress";
import { requireUser } from "@/lib/auth/guards";
import { BadRequestError, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { courseRepository } from "@/lib/courses/repository";
import { markLessonComplete } from "@/lib/progress/complete-lesson";

import { lessonEventSchema } from "./schema";

/** Records reading time or completion of a lesson for the signed-in learner. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request, lessonEventSchema, 4096);
  const course = await courseRepository.getCourse(body.courseId);
  const lesson = course?.lessons.find((l) => l.id === body.lessonId);
  if (!lesson) throw new BadRequestError(400, `no lesson ${body.courseId}/${body.lessonId}`);
  const db = getDatabase().db;
  if (body.event === "visit") {
    await recordLessonVisit(db, user.id, body.courseId, body.lessonId, body.seconds);
    return Response.json({ ok: true });
  }
  const firstTime = await markLessonComplete(db, user.id, body.courseId, body.lessonId);
  // The first completion is the one kept: answer with it, so every tab shows the same date.
  const completedAt = await findLessonCompletion(db, user.id, body.courseId, body.lessonId);
  return Response.json({ completed: true, firstTime, completedAt: completedAt?.toISOString() });
});
