import { request } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address.mjs";
import { createEdgeServer, type EdgeServer } from "@/lib/http/edge.mjs";
import { clearEdgeRoutes, registerEdgeRoute } from "@/lib/http/edge-routes.mjs";
import type { JsonCall } from "@/lib/http/json-body";

/**
 * The real edge server on a loopback port with a route registered the way the app registers
 * POST /api/run (app/api/edge-routes.ts): what the route receives, what the client gets back,
 * and that everything else still reaches the handler behind the edge (Next, in production).
 */
const servers: EdgeServer[] = [];
afterEach(async () => {
  clearEdgeRoutes();
  for (const edge of servers.splice(0)) await edge.drain(1_000);
});

async function start(): Promise<{ port: number; handled: string[] }> {
  const handled: string[] = [];
  const edge = createEdgeServer(
    (req, res) => {
      handled.push(`${req.method} ${req.url}`);
      res.end("from the handler");
    },
    { trustedHops: 0 },
  );
  servers.push(edge);
  await new Promise<void>((resolve) => edge.server.listen(0, "127.0.0.1", resolve));
  return { port: (edge.server.address() as AddressInfo).port, handled };
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function send(
  port: number,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("routes the server edge answers itself", () => {
  it("gives the route the body, the stamped headers and a live signal, and writes its JSON", async () => {
    const calls: JsonCall[] = [];
    registerEdgeRoute("POST", "/api/echo", {
      maxBodyBytes: 1024,
      answer: async (call) => {
        calls.push(call);
        return {
          status: 201,
          body: { text: new TextDecoder().decode(call.body) },
          headers: { "retry-after": "3" },
        };
      },
    });
    const { port, handled } = await start();
    const answer = await send(port, "POST", "/api/echo?x=1", '{"a":"é"}', {
      "content-type": "application/json",
      [CLIENT_ADDRESS_HEADER]: "203.0.113.9",
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ text: '{"a":"é"}' });
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(answer.body)));
    expect(answer.headers["retry-after"]).toBe("3");
    // The edge's own headers are on it too.
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(handled).toEqual([]);
    const [call] = calls;
    expect(call.headers.get("content-type")).toBe("application/json");
    // The client's copy of the identity header was overwritten by the stamp.
    expect(call.headers.get(CLIENT_ADDRESS_HEADER)).toBe("127.0.0.1");
    expect(call.signal.aborted).toBe(false);
  });

  it("sends other methods and paths to the handler", async () => {
    registerEdgeRoute("POST", "/api/echo", {
      maxBodyBytes: 1024,
      answer: async () => ({ status: 200, body: null }),
    });
    const { port, handled } = await start();
    expect((await send(port, "GET", "/api/echo")).body).toBe("from the handler");
    expect((await send(port, "POST", "/api/echo/")).body).toBe("from the handler");
    expect((await send(port, "POST", "/api/other", "{}")).body).toBe("from the handler");
    expect(handled).toEqual(["GET /api/echo", "POST /api/echo/", "POST /api/other"]);
  });

  it("reads at most one byte past the route's limit, so the route refuses the rest itself", async () => {
    const sizes: number[] = [];
    registerEdgeRoute("POST", "/api/echo", {
      maxBodyBytes: 100,
      answer: async (call) => {
        sizes.push(call.body.byteLength);
        return call.body.byteLength > 100
          ? { status: 413, body: { error: { message: "too large" } } }
          : { status: 200, body: null };
      },
    });
    const { port } = await start();
    expect((await send(port, "POST", "/api/echo", "x".repeat(100))).status).toBe(200);
    const large = await send(port, "POST", "/api/echo", "x".repeat(1_000_000));
    expect(large.status).toBe(413);
    // The unread rest stays on that connection, so it is not kept.
    expect(large.headers.connection).toBe("close");
    expect(sizes).toEqual([100, 101]);
  });

  it("aborts the route's signal when the client goes away", async () => {
    let aborted!: Promise<boolean>;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    registerEdgeRoute("POST", "/api/slow", {
      maxBodyBytes: 1024,
      answer: async (call) => {
        aborted = new Promise((resolve) =>
          call.signal.addEventListener("abort", () => resolve(true)),
        );
        started();
        await aborted;
        return { status: 499, body: null };
      },
    });
    const { port } = await start();
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/slow" });
    req.on("error", () => {});
    req.end("{}");
    await running;
    req.destroy();
    expect(await aborted).toBe(true);
  });

  it("answers a route that throws with the edge's plain 500", async () => {
    registerEdgeRoute("POST", "/api/broken", {
      maxBodyBytes: 1024,
      answer: async () => {
        throw new Error("a bug");
      },
    });
    const { port } = await start();
    const answer = await send(port, "POST", "/api/broken", "{}");
    expect(answer.status).toBe(500);
    expect(answer.body).toBe("Internal Server Error");
  });
});
