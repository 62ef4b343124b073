import type { CellOutput } from "@/lib/notebook/cell-state";
import type { RunError, RunResult } from "@/lib/tasks/run-circuit";

export interface RunRequestBody {
  source: string;
  shots: number;
  seed?: number;
  params: Record<string, number>;
}

/** How often a busy answer (503, 429) is retried before the learner is told. */
const BUSY_RETRIES = 3;
/** Never wait longer than this between retries, whatever Retry-After says. */
const MAX_WAIT_S = 5;

/** Waits out a busy answer's Retry-After (between 1 and MAX_WAIT_S seconds), or rejects on abort. */
export function waitForRetry(retryAfterSeconds: number, signal: AbortSignal): Promise<void> {
  return wait(Math.min(MAX_WAIT_S, Math.max(1, retryAfterSeconds)), signal);
}

function wait(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(new DOMException("The run was cancelled.", "AbortError"));
      },
      { once: true },
    );
  });
}

/**
 * Calls POST /api/run and turns every answer into a cell output: results, located code errors,
 * limits. A busy server (a whole class pressing Run at once) is retried after its Retry-After,
 * a few times, while the cell shows it is still running. Aborting rejects (AbortError).
 */
export async function requestRun(body: RunRequestBody, signal: AbortSignal): Promise<CellOutput> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
    const payload = (await response.json().catch(() => null)) as
      (RunResult & { error?: RunError }) | null;
    if (response.ok && payload && !payload.error) return { kind: "result", result: payload };

    const error = payload?.error ?? {
      code: "internal" as const,
      message: `The server answered ${response.status}.`,
    };
    const busy = response.status === 429 || response.status === 503;
    const retryAfter = Number(response.headers.get("retry-after") ?? 1);
    if (busy && attempt < BUSY_RETRIES) {
      await waitForRetry(retryAfter, signal);
      continue;
    }
    if (busy)
      return {
        kind: "error",
        error: { ...error, message: `${error.message} (try again in ${retryAfter} s)` },
      };
    return { kind: "error", error };
  }
}
