import { sessionUserId } from "@/lib/auth/request-user";
import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { runTask } from "@/lib/tasks/service";

import { experimentExportSchema } from "./schema";

/**
 * POST /api/experiments/export — an experiment cell as a runnable PennyLane or Qiskit Machine
 * Learning script reproducing it (same data split, model, optimiser and seed). Public like the
 * lessons; it compiles learner code, so it runs in the pool under the export rate limit.
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(
    request,
    experimentExportSchema,
    DEFAULT_LIMITS.maxSourceBytes + 16 * 1024,
  );
  const outcome = await runTask("experiment-export", body, {
    request,
    userId: await sessionUserId(request),
  });
  if (outcome.ok) return Response.json({ format: body.format, code: outcome.value });
  return errorResponse(outcome.error.code === "internal" ? 500 : 422, { ...outcome.error });
});
