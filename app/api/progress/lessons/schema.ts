import { z } from "zod";

import { contentId } from "@/lib/http/schemas";

/** POST body: a lesson visit (with reading time since the last report) or its completion. */
export const lessonEventSchema = z.discriminatedUnion("event", [
  z
    .object({
      event: z.literal("visit"),
      courseId: contentId,
      lessonId: contentId,
      seconds: z.number().int().min(0).max(300),
    })
    .strict(),
  z.object({ event: z.literal("complete"), courseId: contentId, lessonId: contentId }).strict(),
]);
