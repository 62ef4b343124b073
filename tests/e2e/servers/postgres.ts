import postgres from "postgres";

/**
 * Fresh PostgreSQL databases for the end-to-end servers, on the server TEST_DATABASE_URL names
 * (as the DB tests do: tests/support/databases.ts). playwright.config.ts names them once per
 * run; a server's command creates its own (`tsx tests/e2e/servers/create-database.ts`) just
 * before starting, and the global teardown drops them all.
 */

/** Only letters, digits and underscores: the names go into SQL as identifiers. */
const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

function checkedName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`not a safe database name: ${name}`);
  return name;
}

/** `serverUrl` with its database replaced by `name`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${checkedName(name)}`;
  return url.toString();
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `CREATE DATABASE ${checkedName(name)}`);
}

/** Drops the database even if a server still holds connections to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${checkedName(name)} WITH (FORCE)`);
}

/**
 * This run's database names: one for the "chromium-postgres" project, one shared by the two
 * cluster nodes. The run id is kept in the environment, so the worker processes (which load the
 * config again) and the global teardown see the same names as the servers.
 */
export function runDatabaseNames(): { app: string; cluster: string } {
  process.env.KETBOOK_E2E_RUN ??= `${Date.now().toString(36)}_${process.pid}`;
  const run = process.env.KETBOOK_E2E_RUN;
  return { app: `ketbook_e2e_${run}`, cluster: `ketbook_e2e_cluster_${run}` };
}
