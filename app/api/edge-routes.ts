import { registerEdgeRoute } from "@/lib/http/edge-routes.mjs";

import { answerRun } from "./run/answer";
import { RUN_BODY_MAX_BYTES } from "./run/schema";

/**
 * The API routes the server edge answers itself, with the same code Next's route handlers run
 * (lib/http/edge-routes.mjs): hot JSON routes written as a function of their headers, body and
 * signal. POST /api/run is the one every code cell calls.
 */
export function registerEdgeRoutes(): void {
  registerEdgeRoute("POST", "/api/run", { answer: answerRun, maxBodyBytes: RUN_BODY_MAX_BYTES });
}
