/** `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded database. */
import { openDatabaseForCli } from "./cli-database";
import { runMigrations } from "./migrate";

const handle = openDatabaseForCli();
try {
  await runMigrations(handle);
  console.log(`migrations applied (${handle.driver})`);
} finally {
  await handle.close();
}
