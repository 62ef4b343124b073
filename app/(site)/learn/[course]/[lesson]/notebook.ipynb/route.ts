import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { handle } from "@/lib/http/route-errors";
import { lessonToIpynb, type ToQiskit } from "@/lib/notebook/ipynb";
import { fileCourseRepository } from "@/lib/notebook/file-repository";
import { compile } from "@/lib/quantum/compile";
import { exportQiskit } from "@/lib/quantum/export";

import { notebookDownloadSchema } from "./schema";

interface Context {
  params: Promise<{ course: string; lesson: string }>;
}

const toQiskit: ToQiskit = (source) => {
  try {
    return { code: exportQiskit(compile(source)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

async function respond(
  context: Context,
  request: Request,
  sources?: Record<string, string>,
): Promise<Response> {
  const { course, lesson: slug } = await context.params;
  const lesson = await fileCourseRepository.getLesson(course, slug);
  if (!lesson) return errorResponse(404, { message: `no lesson ${course}/${slug}` });
  const notebook = lessonToIpynb(lesson, {
    sources,
    toQiskit,
    url: new URL(`/learn/${course}/${slug}`, request.url).toString(),
  });
  return new Response(JSON.stringify(notebook, null, 1), {
    headers: {
      "content-type": "application/x-ipynb+json",
      "content-disposition": `attachment; filename="${lesson.meta.slug}.ipynb"`,
    },
  });
}

/** GET: the lesson as published. Public, like the lesson itself (compiling is rate limited). */
export const GET = handle(async (request: Request, context: Context): Promise<Response> => {
  await enforceRateLimit(request, "ipynb", "notebook downloads");
  return respond(context, request);
});

/** POST { sources }: the lesson with the learner's edited cells. Public; nothing is stored. */
export const POST = handle(async (request: Request, context: Context): Promise<Response> => {
  await enforceRateLimit(request, "ipynb", "notebook downloads");
  const { sources } = await readJsonBody(request, notebookDownloadSchema, 2 * 1024 * 1024);
  return respond(context, request, sources);
});
