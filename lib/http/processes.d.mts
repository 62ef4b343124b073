/** Types of processes.mjs (plain JavaScript, so the server starts with Node alone). */
export declare const SHUTDOWN_MESSAGE = "ketbook:shutdown";
export declare function httpProcessCount(
  env: Record<string, string | undefined>,
  cores?: number,
): number;
export declare function processCountProblem(
  count: number,
  env: Record<string, string | undefined>,
): string | undefined;
export declare function simWorkersPerProcess(processes: number, cores?: number): number;
export declare function runPrimary(
  count: number,
  options?: { log?: (message: string) => void },
): void;
