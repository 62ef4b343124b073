import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { sessionUserId } from "@/lib/auth/request-user";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { runTask } from "@/lib/tasks/service";

import { exportRequestSchema } from "./schema";

/**
 * POST /api/export — the circuit of a cell as OpenQASM 2/3, Qiskit, PennyLane, Cirq or Braket
 * code. Public like the lessons. Compiling user code is real work, so it runs in the simulation
 * pool under its deadline and the client's rate limit, never on the request thread.
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(
    request,
    exportRequestSchema,
    DEFAULT_LIMITS.maxSourceBytes + 16 * 1024,
  );
  const outcome = await runTask("export", body, { request, userId: await sessionUserId(request) });
  if (outcome.ok) return Response.json({ format: body.format, code: outcome.value });
  const status = outcome.error.code === "internal" ? 500 : 422;
  return errorResponse(status, { ...outcome.error });
});
