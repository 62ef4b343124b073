/** Types of edge.mjs (plain JavaScript, so the server edge needs no TypeScript at run time). */
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface EdgeServer {
  readonly server: Server;
  inFlight(): number;
  drain(graceMs: number): Promise<boolean>;
}

export interface ShutdownOptions {
  readonly graceMs: number;
  readonly close?: () => Promise<void>;
  readonly log?: (message: string) => void;
}

export declare function stampClient(req: IncomingMessage, trustedHops: number): "https" | "http";
export declare const BASELINE_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";
export declare function setSecurityHeaders(res: ServerResponse, protocol: "https" | "http"): void;
export declare function createEdgeServer(
  handler: RequestHandler,
  options: { readonly trustedHops: number },
): EdgeServer;
export declare function shutdownOnSignals(edge: EdgeServer, options: ShutdownOptions): void;
export declare function shutdownGraceMs(env: Record<string, string | undefined>): number;
export declare const COMPRESSION_THRESHOLD_BYTES: number;
export declare function shouldCompress(req: IncomingMessage, res: ServerResponse): boolean;
