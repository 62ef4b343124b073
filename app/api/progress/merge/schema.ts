import { z } from "zod";

import { answerValue } from "@/app/api/quiz/schema";
import { attemptKey, contentId, qasmSource } from "@/lib/http/schemas";

import { saveCellsSchema } from "../cells/schema";

const lesson = { courseId: contentId, lessonId: contentId };

/**
 * POST body: everything a guest did in one browser. Results are not part of it: the server
 * grades every exercise and quiz again from what the guest submitted.
 */
export const mergeRequestSchema = z
  .object({
    cells: z.array(saveCellsSchema).max(100, "at most 100 lessons of code per merge"),
    lessons: z.array(z.object(lesson).strict()).max(200),
    exercises: z
      .array(z.object({ ...lesson, cellId: contentId, source: qasmSource, attemptKey }).strict())
      .max(60, "at most 60 exercises per merge"),
    quizzes: z
      .array(
        z
          .object({ ...lesson, attemptKey, answers: z.record(z.string().max(100), answerValue) })
          .strict(),
      )
      .max(60, "at most 60 quiz attempts per merge"),
  })
  .strict();
