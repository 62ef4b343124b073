import "server-only";

import { z } from "zod";

import { BadRequestError } from "./json-body";
import { contentId } from "./schemas";

const lessonQuerySchema = z.object({ courseId: contentId, lessonId: contentId });

/** `?courseId=…&lessonId=…` of a request about one lesson, or a 400 saying what is missing. */
export function readLessonQuery(request: Request): { courseId: string; lessonId: string } {
  const query = lessonQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    throw new BadRequestError(
      400,
      `courseId and lessonId are required: ${query.error.issues[0].message}`,
    );
  }
  return query.data;
}
