import { z } from "zod";

import { attemptKey, contentId } from "@/lib/http/schemas";

export const quizQuerySchema = z.object({
  courseId: contentId,
  lessonId: contentId,
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

export const answerValue = z.union([
  z.string().max(64 * 1024),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(50),
]);

/** POST /api/quiz/submit: answers by question id; `attemptKey` makes a double submit count once. */
export const quizSubmitSchema = z
  .object({
    courseId: contentId,
    lessonId: contentId,
    answers: z.record(z.string().max(100), answerValue),
    attemptKey,
    secondsTaken: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

/** POST /api/review/answer: one question answered again on the review page. */
export const reviewAnswerSchema = z
  .object({
    courseId: contentId,
    lessonId: contentId,
    questionId: contentId,
    answer: answerValue,
    attemptKey,
  })
  .strict();
