/** Types of edge-routes.mjs (plain JavaScript, shared by the server edge and the app). */
import type { IncomingMessage, ServerResponse } from "node:http";

import type { JsonAnswer, JsonCall } from "./json-body";

export interface EdgeRoute {
  readonly answer: (call: JsonCall) => Promise<JsonAnswer>;
  readonly maxBodyBytes: number;
}

export declare function registerEdgeRoute(method: string, path: string, route: EdgeRoute): void;
export declare function clearEdgeRoutes(): void;
export declare function findEdgeRoute(req: IncomingMessage): EdgeRoute | undefined;
export declare function serveEdgeRoute(
  route: EdgeRoute,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void>;
