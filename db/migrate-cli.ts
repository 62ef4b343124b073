/** `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded database. */
import { openDatabase } from "./client";
import { runMigrations } from "./migrate";

const handle = openDatabase({ url: process.env.DATABASE_URL });
try {
  await runMigrations(handle);
  console.log(`migrations applied (${handle.driver})`);
} finally {
  await handle.close();
}
