import type { TestInfo } from "@playwright/test";

/**
 * The two-node cluster the "cluster" Playwright project starts (see playwright.config.ts): two
 * `npm start` servers of the one e2e build on one fresh Postgres database, as two app nodes of
 * a deployment behind a load balancer would be.
 */

/** Runs per client per minute on the cluster nodes: low enough for a test to reach. */
export const CLUSTER_RUN_LIMIT = 5;

/**
 * How often each node writes the hits it counted in memory to the database: the run limit is
 * shared once the node that counted them has flushed.
 */
export const CLUSTER_RATE_LIMIT_FLUSH_MS = 200;

export const CLUSTER_ENV = {
  KETBOOK_RUN_RATE_LIMIT: String(CLUSTER_RUN_LIMIT),
  KETBOOK_RATE_LIMIT_FLUSH_MS: String(CLUSTER_RATE_LIMIT_FLUSH_MS),
  KETBOOK_SIM_WORKERS: "1",
};

/** The base URLs of the two nodes, from the project's metadata. */
export function clusterNodes(info: TestInfo): readonly [string, string] {
  const nodes = (info.project.metadata as { nodes?: string[] }).nodes;
  if (nodes?.length !== 2) throw new Error("the cluster project must name its two nodes");
  return [nodes[0], nodes[1]];
}
