import type { CellOutput } from "@/lib/notebook/cell-state";
import type { RunError, RunResult } from "@/lib/runner/job";

export interface RunRequestBody {
  source: string;
  shots: number;
  seed?: number;
  params: Record<string, number>;
}

/**
 * Calls POST /api/run and turns every answer into a cell output: results, located code errors,
 * limits, and busy/rate-limited answers with when to try again. Aborting rejects (AbortError).
 */
export async function requestRun(body: RunRequestBody, signal: AbortSignal): Promise<CellOutput> {
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
  const retryAfter = response.headers.get("retry-after");
  if ((response.status === 429 || response.status === 503) && retryAfter) {
    return {
      kind: "error",
      error: { ...error, message: `${error.message} (retry in ${retryAfter} s)` },
    };
  }
  return { kind: "error", error };
}
