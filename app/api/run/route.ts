import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { handle } from "@/lib/http/route-errors";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { getSimulationPool, runnerSettings } from "@/lib/runner/service";

import { runRequestSchema } from "./schema";

/** JSON overhead allowed on top of the source size limit. */
const MAX_BODY_BYTES = DEFAULT_LIMITS.maxSourceBytes + 16 * 1024;

/**
 * POST /api/run — runs an OpenQASM program on the simulation pool.
 * Open to guests (lessons are public), so it is bounded instead: body size, a per-client rate
 * limit shared by all nodes, a bounded queue and a deadline per job.
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(request, runRequestSchema, MAX_BODY_BYTES);

  await enforceRateLimit(request, "run", "runs");

  const outcome = await getSimulationPool().run(
    { ...body, limits: { deadlineMs: runnerSettings.deadlineMs } },
    request.signal,
  );
  if (outcome.ok) return Response.json(outcome.result);
  const status = outcome.error.code === "internal" ? 500 : 422;
  return errorResponse(status, { ...outcome.error });
});
