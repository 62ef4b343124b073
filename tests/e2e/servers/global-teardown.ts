import { dropDatabase, runDatabaseNames } from "./postgres";

/**
 * Drops this run's Postgres databases. Playwright runs it before it stops the servers, hence the
 * forced drop (their idle connections are closed).
 */
export default async function teardown(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  for (const name of Object.values(runDatabaseNames())) await dropDatabase(serverUrl, name);
}
