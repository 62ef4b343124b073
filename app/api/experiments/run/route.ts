import { getDatabase } from "@/db/client";
import { saveExperimentResult } from "@/db/queries/experiments";
import { getCurrentUser } from "@/lib/auth/guards";
import { readJsonBody } from "@/lib/http/json-body";
import { handle, toErrorResponse } from "@/lib/http/route-errors";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import type { ExperimentProgress } from "@/lib/qml/experiments/result";
import { admitTask, runnerSettings } from "@/lib/tasks/service";

import { experimentRequestSchema } from "./schema";

/** How often the cell hears from a running experiment, at the least. */
const HEARTBEAT_MS = 250;

/**
 * POST /api/experiments/run — runs an experiment cell (train, kernel, scan, minimise) in the
 * simulation pool and streams its progress as newline-delimited JSON:
 *   {"type":"progress", step, loss, ..., elapsedMs}   at least every 250 ms
 *   {"type":"result", "result": {...}}  or  {"type":"error", "status": 422, "error": {...}}
 * A busy pool or an exhausted rate limit is answered 429/503 with Retry-After before streaming
 * starts. Closing the request (Cancel in the page) stops the job in its worker. A signed-in
 * learner's finished result is kept with the cell (guests keep theirs in the browser).
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  const body = await readJsonBody(
    request,
    experimentRequestSchema,
    DEFAULT_LIMITS.maxSourceBytes + 16 * 1024,
  );
  const user = await getCurrentUser();
  const started = Date.now();
  let latest: ExperimentProgress | undefined;
  let send: ((line: unknown) => void) | undefined;
  const { done } = await admitTask(
    "experiment",
    { source: body.source, seed: body.seed },
    {
      request,
      userId: user?.id,
      deadlineMs: runnerSettings.experimentDeadlineMs,
      onProgress: (progress) => {
        latest = progress;
        send?.({ type: "progress", ...progress });
      },
    },
  );

  const encoder = new TextEncoder();
  // False once the answer has ended or the page went away (Cancel, a closed tab): from then on
  // nothing more may be written, or the stream throws.
  let open = true;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      send = (line) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      // Keeps the clock moving in the cell while one long step (a kernel row, a grid) runs.
      heartbeat = setInterval(() => {
        send?.({
          type: "progress",
          ...(latest ?? { step: 0, circuits: 0, shots: 0, phase: "queued", total: 0 }),
          elapsedMs: Date.now() - started,
        });
      }, HEARTBEAT_MS);
      const finish = (line: unknown) => {
        clearInterval(heartbeat);
        if (!open) return;
        send?.(line);
        open = false;
        controller.close();
      };
      done.then(
        async (outcome) => {
          if (!outcome.ok) {
            const status = outcome.error.code === "internal" ? 500 : 422;
            return finish({ type: "error", status, error: outcome.error });
          }
          if (user && body.cell) {
            // Stored before the answer ends, so a reload right after finds it.
            await saveExperimentResult(
              getDatabase().db,
              user.id,
              body.cell.courseId,
              body.cell.lessonId,
              {
                cellId: body.cell.cellId,
                source: body.source,
                result: outcome.value,
              },
            ).catch((error: unknown) =>
              console.error("could not store an experiment result", error),
            );
          }
          finish({ type: "result", result: outcome.value });
        },
        async (error: unknown) => {
          const response = toErrorResponse(error);
          const payload = (await response.json()) as { error: unknown };
          finish({ type: "error", status: response.status, error: payload.error });
        },
      );
    },
    cancel() {
      // The reader is gone; the task itself stops through the request's abort signal.
      open = false;
      clearInterval(heartbeat);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      // Progress must reach the page as it happens, not when a proxy's buffer fills.
      "x-accel-buffering": "no",
    },
  });
});
