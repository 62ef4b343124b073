/**
 * `tsx tests/e2e/servers/create-database.ts`: run by a Postgres-backed e2e server's command just
 * before `npm start`, it creates the (new, empty) database the server's DATABASE_URL names, on
 * the TEST_DATABASE_URL server. The server migrates it at start-up.
 */
import { createDatabase } from "./postgres";

const serverUrl = process.env.TEST_DATABASE_URL;
const target = process.env.DATABASE_URL;
if (!serverUrl || !target) {
  throw new Error(
    "create-database needs TEST_DATABASE_URL (the server) and DATABASE_URL (the new database)",
  );
}
await createDatabase(serverUrl, new URL(target).pathname.slice(1));
