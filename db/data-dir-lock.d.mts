/** Types of data-dir-lock.mjs (plain JavaScript, shared by the server edge and the database client). */
export declare class DatabaseInUseError extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number, holder: string);
}
export declare function lockFileOf(dir: string): string;
export declare function acquireDataDirLock(dir: string): { release(): void };
export declare function embeddedDatabaseDir(): string;
