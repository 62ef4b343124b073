import { sessionUserId } from "@/lib/auth/request-user";
import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { publicQuiz } from "@/lib/grading/public-quiz";
import { handle } from "@/lib/http/route-errors";
import { courseRepository, getLessonChecks } from "@/lib/courses/repository";
import { lessonToIpynb } from "@/lib/notebook/ipynb";
import { runTask } from "@/lib/tasks/service";

import { notebookDownloadSchema } from "./schema";

interface Context {
  params: Promise<{ course: string; lesson: string }>;
}

async function respond(
  context: Context,
  request: Request,
  edited?: Record<string, string>,
): Promise<Response> {
  const { course, lesson: slug } = await context.params;
  const lesson = await courseRepository.getLesson(course, slug);
  if (!lesson) return errorResponse(404, { message: `no lesson ${course}/${slug}` });
  const sources: Record<string, string> = {};
  const cells: Record<string, { source: string; language: "qasm" | "experiment" }> = {};
  for (const block of lesson.blocks) {
    if (block.kind !== "code") continue;
    // Own keys only: a cell called `toString` must not read Object.prototype's.
    sources[block.id] = edited && Object.hasOwn(edited, block.id) ? edited[block.id] : block.source;
    cells[block.id] = { source: sources[block.id], language: block.language };
  }
  // Translating the cells compiles learner code: in the pool, rate limited, under the deadline.
  const translated = await runTask(
    "notebook-code",
    { cells },
    { request, userId: await sessionUserId(request) },
  );
  // Goals and the quiz come from the lesson's check files; the quiz only as its public view.
  const checks = await getLessonChecks(lesson.meta.courseId, lesson.meta.id);
  const notebook = lessonToIpynb(lesson, {
    sources,
    toQiskit: (_source, cellId) => translated[cellId],
    url: new URL(`/learn/${course}/${slug}`, request.url).toString(),
    exercises: checks?.exercises.map(({ cell, title, goal }) => ({ cell, title, goal })),
    quiz: checks?.quiz ? publicQuiz(checks.quiz) : undefined,
  });
  return new Response(JSON.stringify(notebook, null, 1), {
    headers: {
      "content-type": "application/x-ipynb+json",
      "content-disposition": `attachment; filename="${lesson.meta.slug}.ipynb"`,
    },
  });
}

/** GET: the lesson as published. Public, like the lesson itself. */
export const GET = handle(async (request: Request, context: Context): Promise<Response> =>
  respond(context, request),
);

/** POST { sources }: the lesson with the learner's edited cells. Public; nothing is stored. */
export const POST = handle(async (request: Request, context: Context): Promise<Response> => {
  const { sources } = await readJsonBody(request, notebookDownloadSchema, 2 * 1024 * 1024);
  return respond(context, request, sources);
});
