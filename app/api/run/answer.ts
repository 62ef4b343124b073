import "server-only";

import { sessionUserId } from "@/lib/auth/request-user";
import { errorAnswer, type JsonAnswer, type JsonCall, parseJsonBody } from "@/lib/http/json-body";
import { answering } from "@/lib/http/route-errors";
import { runnerSettings, runTask } from "@/lib/tasks/service";

import { RUN_BODY_MAX_BYTES, runRequestSchema } from "./schema";

/**
 * POST /api/run — runs an OpenQASM program on the simulation pool.
 * Open to guests (lessons are public), so it is bounded instead: body size, a per-client rate
 * limit shared by all nodes, a per-client share of the pool, a bounded queue and a deadline.
 * Written as a function of what it reads (headers, body, signal), so the server edge can answer
 * it without Next's pipeline (app/api/edge-routes.ts) and Next's route handler is the same code.
 */
export const answerRun = answering(async (call: JsonCall): Promise<JsonAnswer> => {
  const body = parseJsonBody(call.headers, call.body, runRequestSchema, RUN_BODY_MAX_BYTES);
  const outcome = await runTask(
    "run",
    { ...body, limits: { deadlineMs: runnerSettings.deadlineMs } },
    { request: call, userId: await sessionUserId(call) },
  );
  if (outcome.ok) return { status: 200, body: outcome.value };
  const status = outcome.error.code === "internal" ? 500 : 422;
  return errorAnswer(status, { ...outcome.error });
});
