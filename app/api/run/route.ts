import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { sessionUserId } from "@/lib/auth/request-user";
import { runnerSettings, runTask } from "@/lib/tasks/service";

import { runRequestSchema } from "./schema";

/** JSON overhead allowed on top of the source size limit. */
const MAX_BODY_BYTES = DEFAULT_LIMITS.maxSourceBytes + 16 * 1024;

/**
 * POST /api/run — runs an OpenQASM program on the simulation pool.
 * Open to guests (lessons are public), so it is bounded instead: body size, a per-client rate
 * limit shared by all nodes, a per-client share of the pool, a bounded queue and a deadline.
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request, runRequestSchema, MAX_BODY_BYTES);
  const outcome = await runTask(
    "run",
    { ...body, limits: { deadlineMs: runnerSettings.deadlineMs } },
    { request, userId: await sessionUserId(request) },
  );
  if (outcome.ok) return Response.json(outcome.value);
  const status = outcome.error.code === "internal" ? 500 : 422;
  return errorResponse(status, { ...outcome.error });
});
