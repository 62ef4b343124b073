import type { CellOutput } from "@/lib/notebook/cell-state";
import type { ExperimentProgress, ExperimentResult } from "@/lib/qml/experiments/result";
import type { RunError } from "@/lib/tasks/run-circuit";

import { waitForRetry } from "./run-request";

type StreamLine =
  | ({ type: "progress" } & ExperimentProgress)
  | { type: "result"; result: ExperimentResult }
  | { type: "error"; status: number; error: RunError };

/** How often a busy answer (503, 429) is retried before the learner is told. */
const BUSY_RETRIES = 3;

/**
 * Runs an experiment cell on the server (POST /api/experiments/run) and reads its streamed
 * progress line by line, handing each report to `onProgress` as it arrives. A busy server is
 * retried after its Retry-After. Aborting the signal stops the job on the server.
 */
export async function requestExperiment(
  body: {
    source: string;
    seed?: number;
    cell?: { courseId: string; lessonId: string; cellId: string };
  },
  onProgress: (progress: ExperimentProgress) => void,
  signal: AbortSignal,
): Promise<CellOutput> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch("/api/experiments/run", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok || !response.body) {
      const payload = (await response.json().catch(() => null)) as { error?: RunError } | null;
      const error: RunError = payload?.error ?? {
        code: "internal",
        message: `The server answered ${response.status}.`,
      };
      const busy = response.status === 429 || response.status === 503;
      const retryAfter = Number(response.headers.get("retry-after") ?? 1);
      if (busy && attempt < BUSY_RETRIES) {
        await waitForRetry(retryAfter, signal);
        continue;
      }
      return {
        kind: "error",
        error: busy
          ? { ...error, message: `${error.message} (try again in ${retryAfter} s)` }
          : error,
      };
    }
    return readStream(response.body, onProgress);
  }
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  onProgress: (progress: ExperimentProgress) => void,
): Promise<CellOutput> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line) continue;
      const message = JSON.parse(line) as StreamLine;
      if (message.type === "progress") {
        const { type: _type, ...progress } = message;
        onProgress(progress);
      } else if (message.type === "result") return { kind: "experiment", result: message.result };
      else return { kind: "error", error: message.error };
    }
  }
  return {
    kind: "error",
    error: { code: "internal", message: "The experiment stopped without a result. Try again." },
  };
}

/** A signed-in learner's stored experiment results for a lesson (empty for guests or on error). */
export async function fetchExperimentResults(
  courseId: string,
  lessonId: string,
): Promise<{ cellId: string; source: string; result: ExperimentResult }[]> {
  const query = new URLSearchParams({ courseId, lessonId });
  const response = await fetch(`/api/experiments/results?${query}`, { cache: "no-store" });
  if (!response.ok) return [];
  return (
    (await response.json()) as {
      results: { cellId: string; source: string; result: ExperimentResult }[];
    }
  ).results;
}
