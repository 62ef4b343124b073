import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";

import { createE2eAdmin } from "./tests/e2e/servers/admin";
import { databaseUrl, runDatabaseNames } from "./tests/e2e/servers/postgres";
import { CLUSTER_ENV } from "./tests/integration/cluster/nodes";

/**
 * End-to-end tests drive the system's Chromium (Debian's `chromium` package), never a
 * downloaded browser. CHROMIUM_PATH overrides the location.
 */
const chromiumPath = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
if (!chromiumPath) {
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) " +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
}

// E2E_BASE_URL points the tests at a server that is already running (no build, no start).
const externalServer = process.env.E2E_BASE_URL;
// E2E_PREBUILT=1 serves the production build already in `.next` instead of building first
// (repeated runs of the whole suite, e.g. under load).
const buildFirst =
  process.env.E2E_PREBUILT === "1"
    ? ""
    : "npm run build && node tests/e2e/servers/build-left-no-database.mjs && ";
// With TEST_DATABASE_URL the suite also runs on a real Postgres, and the two-node test runs.
const postgresServer = externalServer ? undefined : process.env.TEST_DATABASE_URL;

const PORT = Number(process.env.E2E_PORT ?? 3100);
const ports = { pglite: PORT, postgres: PORT + 1, nodes: [PORT + 2, PORT + 3] };
const local = (port: number) => `http://127.0.0.1:${port}`;
const databases = runDatabaseNames();

/**
 * Every server serves the one production build (in `.next`), made by the first server's command.
 * Not a separate KETBOOK_DIST_DIR: `next build` would add that folder to tsconfig.json.
 */
const serverEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  // Every test signs up from the same address; the per-address limits are for real traffic.
  KETBOOK_SIGNUP_RATE_LIMIT: "10000",
  KETBOOK_SIGNIN_RATE_LIMIT: "10000",
  KETBOOK_RUN_RATE_LIMIT: "10000",
};

function server(
  name: string,
  port: number,
  command: string,
  env: Record<string, string>,
  // Starting takes seconds; the first server also builds, which takes minutes on a busy machine.
  timeout = 60_000,
) {
  return {
    name,
    command,
    // Ready when the node says so: migrated, its database answering, its pool running.
    url: `${local(port)}/api/health`,
    timeout,
    reuseExistingServer: false,
    env: { ...serverEnv, ...env, PORT: String(port) },
    stdout: "pipe" as const,
  };
}

/** A server on a new database of its own on the TEST_DATABASE_URL server, created first. */
function postgresServerOn(name: string, port: number, database: string, env = {}) {
  return server(
    name,
    port,
    `npx tsx tests/e2e/servers/create-database.ts && ${createE2eAdmin} && npm start`,
    {
      ...env,
      DATABASE_URL: databaseUrl(postgresServer!, database),
    },
  );
}

const webServers = externalServer
  ? []
  : [
      // A production build, then served on its own embedded database, fresh for every run.
      server(
        "pglite",
        ports.pglite,
        `rm -rf .data/e2e && ${buildFirst}${createE2eAdmin} && npm start`,
        { KETBOOK_DATA_DIR: ".data/e2e" },
        900_000,
      ),
      ...(postgresServer
        ? [
            postgresServerOn("postgres", ports.postgres, databases.app),
            // Two nodes of one deployment: one database, a run limit low enough to reach.
            postgresServerOn("node-1", ports.nodes[0], databases.cluster, CLUSTER_ENV),
            server("node-2", ports.nodes[1], "npm start", {
              ...CLUSTER_ENV,
              DATABASE_URL: databaseUrl(postgresServer, databases.cluster),
            }),
          ]
        : []),
    ];

const projects = externalServer
  ? [{ name: "chromium", use: { baseURL: externalServer } }]
  : [
      { name: "chromium-pglite", use: { baseURL: local(ports.pglite) } },
      ...(postgresServer
        ? [
            { name: "chromium-postgres", use: { baseURL: local(ports.postgres) } },
            {
              name: "cluster",
              testDir: "tests/integration/cluster",
              use: { baseURL: local(ports.nodes[0]) },
              metadata: { nodes: ports.nodes.map(local) },
            },
          ]
        : []),
    ];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: projects.map((project) => ({
    ...project,
    use: { browserName: "chromium" as const, ...project.use },
  })),
  webServer: webServers,
  globalTeardown: postgresServer ? "./tests/e2e/servers/global-teardown.ts" : undefined,
});
