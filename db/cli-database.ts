import { DatabaseInUseError, openDatabase, type DatabaseHandle } from "./client";

/**
 * The database for a command-line tool: DATABASE_URL, or the embedded one, which the tool locks
 * for as long as it runs. When another process (usually the server) has the embedded database,
 * says so and exits 1 instead of opening it a second time.
 */
export function openDatabaseForCli(): DatabaseHandle {
  try {
    return openDatabase({ url: process.env.DATABASE_URL });
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}
