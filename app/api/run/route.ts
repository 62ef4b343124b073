import { getDatabase } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { clientKey } from "@/lib/http/client-key";
import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { CancelledError, DeadlineError, QueueFullError } from "@/lib/runner/pool";
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

  const limit = await hitRateLimit(
    getDatabase().db,
    `run:${clientKey(request)}`,
    runnerSettings.ratePerMinute,
    60,
  );
  if (!limit.allowed) {
    return errorResponse(
      429,
      {
        message: `Too many runs: at most ${runnerSettings.ratePerMinute} per minute. Try again in ${limit.retryAfterSeconds} s.`,
      },
      { "Retry-After": String(limit.retryAfterSeconds) },
    );
  }

  try {
    const outcome = await getSimulationPool().run(
      { ...body, limits: { deadlineMs: runnerSettings.deadlineMs } },
      request.signal,
    );
    if (outcome.ok) return Response.json(outcome.result);
    const status = outcome.error.code === "internal" ? 500 : 422;
    return errorResponse(status, { ...outcome.error });
  } catch (error) {
    if (error instanceof QueueFullError) {
      return errorResponse(
        503,
        { message: error.message },
        { "Retry-After": String(error.retryAfterSeconds) },
      );
    }
    if (error instanceof DeadlineError) {
      return errorResponse(422, { code: "limit", limit: "deadlineMs", message: error.message });
    }
    if (error instanceof CancelledError) return errorResponse(499, { message: error.message });
    throw error;
  }
});
