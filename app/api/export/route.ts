import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { handle } from "@/lib/http/route-errors";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { exportCircuit } from "@/lib/quantum/export";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

import { exportRequestSchema } from "./schema";

/**
 * POST /api/export — the circuit of a cell as OpenQASM 2/3, Qiskit, PennyLane, Cirq or Braket
 * code. Public like the lessons; compiling is bounded by the engine's source and operation limits
 * and simulates nothing, so it runs on the request thread.
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  await enforceRateLimit(request, "export", "exports");
  try {
    const body = await readJsonBody(
      request,
      exportRequestSchema,
      DEFAULT_LIMITS.maxSourceBytes + 16 * 1024,
    );
    const circuit = compile(body.source, { params: body.params });
    return Response.json({ format: body.format, code: exportCircuit(circuit, body.format) });
  } catch (error) {
    if (error instanceof QuantumError) {
      return errorResponse(422, {
        code: error.code,
        message: error.message,
        line: error.loc?.line,
        column: error.loc?.column,
      });
    }
    throw error;
  }
});
