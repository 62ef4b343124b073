import { answerResponse, jsonCall } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { answerRun } from "./answer";
import { RUN_BODY_MAX_BYTES } from "./schema";

/** POST /api/run (see ./answer.ts); in production the server edge answers it itself. */
export const POST = handle(async (request: Request): Promise<Response> =>
  answerResponse(await answerRun(await jsonCall(request, RUN_BODY_MAX_BYTES))),
);
