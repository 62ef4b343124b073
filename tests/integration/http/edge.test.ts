import { request } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, CLIENT_PROTOCOL_HEADER } from "@/lib/http/client-address.mjs";
import { createEdgeServer, type EdgeServer } from "@/lib/http/edge.mjs";

/**
 * The real edge server on a random loopback port, in front of a handler that echoes what the app
 * would see: the stamped identity headers.
 */
const servers: EdgeServer[] = [];
afterEach(async () => {
  for (const edge of servers.splice(0)) await edge.drain(1_000);
});

async function start(trustedHops: number): Promise<number> {
  const edge = createEdgeServer(
    (req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          address: req.headers[CLIENT_ADDRESS_HEADER],
          protocol: req.headers[CLIENT_PROTOCOL_HEADER],
        }),
      );
    },
    { trustedHops },
  );
  servers.push(edge);
  await new Promise<void>((resolve) => edge.server.listen(0, "127.0.0.1", resolve));
  return (edge.server.address() as AddressInfo).port;
}

type Sent = Record<string, string | string[]>;

/** A plain request; an array value goes out as that many copies of the header. */
function get(port: number, headers: Sent): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => {
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new Error(`status ${res.statusCode}: ${body}`));
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the server edge stamps the client's identity", () => {
  it("uses the socket address and ignores a spoofed X-Forwarded-For with no trusted proxy", async () => {
    const port = await start(0);
    expect(await get(port, {})).toEqual({ address: "127.0.0.1", protocol: "http" });
    expect(
      await get(port, { "x-forwarded-for": "198.51.100.23", "x-forwarded-proto": "https" }),
    ).toEqual({ address: "127.0.0.1", protocol: "http" });
  });

  it("honours exactly the configured number of trusted proxy hops", async () => {
    const oneHop = await start(1);
    const twoHops = await start(2);
    const chain: Sent = { "x-forwarded-for": "6.6.6.6, 198.51.100.7" };
    expect((await get(oneHop, chain)).address).toBe("198.51.100.7");
    expect((await get(twoHops, chain)).address).toBe("6.6.6.6");
    // Two headers count as one list, in order.
    const split: Sent = { "x-forwarded-for": ["6.6.6.6", "198.51.100.7"] };
    expect((await get(oneHop, split)).address).toBe("198.51.100.7");
    expect((await get(oneHop, { ...chain, "x-forwarded-proto": "https" })).protocol).toBe("https");
  });

  it("overwrites a client-sent copy of the stamped headers", async () => {
    const port = await start(0);
    expect(
      await get(port, {
        [CLIENT_ADDRESS_HEADER]: "198.51.100.99",
        [CLIENT_PROTOCOL_HEADER]: "https",
      }),
    ).toEqual({ address: "127.0.0.1", protocol: "http" });
    // Also behind a trusted proxy, and when sent twice (Node would join the copies).
    const behindProxy = await start(1);
    const sent: Sent = {
      [CLIENT_ADDRESS_HEADER]: ["198.51.100.99", "198.51.100.98"],
      "x-forwarded-for": "203.0.113.5",
    };
    expect((await get(behindProxy, sent)).address).toBe("203.0.113.5");
  });
});
