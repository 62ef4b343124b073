import { z } from "zod";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case");

export const quizQuerySchema = z.object({
  courseId: id,
  lessonId: id,
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

const answerValue = z.union([
  z.string().max(64 * 1024),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(50),
]);

/** POST /api/quiz/submit: answers by question id; `attemptKey` makes a double submit count once. */
export const quizSubmitSchema = z
  .object({
    courseId: id,
    lessonId: id,
    answers: z.record(z.string().max(100), answerValue),
    attemptKey: z.string().min(8).max(100),
    secondsTaken: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

/** POST /api/review/answer: one question answered again on the review page. */
export const reviewAnswerSchema = z
  .object({
    courseId: id,
    lessonId: id,
    questionId: id,
    answer: answerValue,
    attemptKey: z.string().min(8).max(100),
  })
  .strict();
