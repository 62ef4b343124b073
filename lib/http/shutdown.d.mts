/** Types of shutdown.mjs (plain JavaScript, shared by the server edge and the app). */
export declare function onShutdown(name: string, hook: () => Promise<void>): void;
export declare function isShuttingDown(): boolean;
export declare function markShuttingDown(): void;
export declare function shutdownStartedAt(): number | undefined;
export declare function runShutdownHooks(): Promise<unknown[]>;
