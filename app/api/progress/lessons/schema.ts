import { z } from "zod";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case");

/** POST body: a lesson visit (with reading time since the last report) or its completion. */
export const lessonEventSchema = z.discriminatedUnion("event", [
  z
    .object({
      event: z.literal("visit"),
      courseId: id,
      lessonId: id,
      seconds: z.number().int().min(0).max(300),
    })
    .strict(),
  z.object({ event: z.literal("complete"), courseId: id, lessonId: id }).strict(),
]);
