import { getDatabase } from "@/db/client";
import { checkHealth } from "@/lib/http/health";
import { existingSimulationPool } from "@/lib/tasks/service";

/**
 * GET /api/health: 200 when this node can serve, 503 (with the failing part) when it cannot.
 * No sign-in and no rate limit (load balancers poll it), and never cached.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkHealth(() => getDatabase().db, existingSimulationPool());
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
