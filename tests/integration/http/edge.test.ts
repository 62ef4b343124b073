import { type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

import { afterEach, describe, expect, it } from "vitest";

import { CLIENT_ADDRESS_HEADER, CLIENT_PROTOCOL_HEADER } from "@/lib/http/client-address.mjs";
import { createEdgeServer, type EdgeServer, type RequestHandler } from "@/lib/http/edge.mjs";
import { CLIENT_STAMP_HEADER, isStampValid } from "@/lib/http/edge-stamp.mjs";

/**
 * The real edge server on a random loopback port, in front of a handler that echoes what the app
 * would see (the stamped identity headers, and whether their signature holds), or one that
 * answers as Next does before its own header rules run (a bare 308).
 */
const servers: EdgeServer[] = [];
afterEach(async () => {
  for (const edge of servers.splice(0)) await edge.drain(1_000);
});

const echo: RequestHandler = (req, res) => {
  const header = (name: string) => req.headers[name] as string | undefined;
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      address: header(CLIENT_ADDRESS_HEADER),
      protocol: header(CLIENT_PROTOCOL_HEADER),
      signed: isStampValid(
        header(CLIENT_ADDRESS_HEADER),
        header(CLIENT_PROTOCOL_HEADER),
        header(CLIENT_STAMP_HEADER),
      ),
    }),
  );
};

async function start(trustedHops: number, handler: RequestHandler = echo): Promise<number> {
  const edge = createEdgeServer(handler, { trustedHops });
  servers.push(edge);
  await new Promise<void>((resolve) => edge.server.listen(0, "127.0.0.1", resolve));
  return (edge.server.address() as AddressInfo).port;
}

type Sent = Record<string, string | string[]>;

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A plain request; an array value goes out as that many copies of the header. */
function send(port: number, headers: Sent, path = "/"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** What the echo handler saw. */
async function get(port: number, headers: Sent): Promise<Record<string, unknown>> {
  const answer = await send(port, headers);
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new Error(`status ${answer.status}: ${answer.body}`);
  }
}

describe("the server edge stamps the client's identity", () => {
  it("uses the socket address and ignores a spoofed X-Forwarded-For with no trusted proxy", async () => {
    const port = await start(0);
    expect(await get(port, {})).toEqual({ address: "127.0.0.1", protocol: "http", signed: true });
    expect(
      await get(port, { "x-forwarded-for": "198.51.100.23", "x-forwarded-proto": "https" }),
    ).toEqual({ address: "127.0.0.1", protocol: "http", signed: true });
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

  it("overwrites a client-sent copy of the stamped headers, signature included", async () => {
    const port = await start(0);
    expect(
      await get(port, {
        [CLIENT_ADDRESS_HEADER]: "198.51.100.99",
        [CLIENT_PROTOCOL_HEADER]: "https",
        [CLIENT_STAMP_HEADER]: "forged",
      }),
    ).toEqual({ address: "127.0.0.1", protocol: "http", signed: true });
    // Also behind a trusted proxy, and when sent twice (Node would join the copies).
    const behindProxy = await start(1);
    const sent: Sent = {
      [CLIENT_ADDRESS_HEADER]: ["198.51.100.99", "198.51.100.98"],
      "x-forwarded-for": "203.0.113.5",
    };
    expect((await get(behindProxy, sent)).address).toBe("203.0.113.5");
  });
});

describe("the server edge sets the security headers that never vary", () => {
  const HSTS = "max-age=31536000; includeSubDomains";
  /** Answers as Next does for `GET /learn/`: a 308, before any of its header rules run. */
  const redirect: RequestHandler = (_req, res) => {
    res.statusCode = 308;
    res.setHeader("location", "/learn");
    res.end();
  };

  function expectConstantHeaders(answer: Answer): void {
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(answer.headers["x-frame-options"]).toBe("DENY");
    expect(answer.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
  }

  it("puts them on a response the handler sets none on, a redirect", async () => {
    const answer = await send(await start(0, redirect), {}, "/learn/");
    expect(answer.status).toBe(308);
    expect(answer.headers.location).toBe("/learn");
    expectConstantHeaders(answer);
    expect(answer.headers["strict-transport-security"]).toBeUndefined(); // plain HTTP
  });

  it("puts them on the edge's own 500 when the handler fails", async () => {
    const port = await start(0, () => {
      throw new Error("a bug in the handler");
    });
    const answer = await send(port, {});
    expect(answer.status).toBe(500);
    expectConstantHeaders(answer);
  });

  it("lets the handler's page policy replace the baseline, not sit beside it", async () => {
    const page = "default-src 'self'; script-src 'nonce-abc'; frame-ancestors 'none'";
    const port = await start(0, (_req, res) => {
      res.setHeader("Content-Security-Policy", page);
      res.end("<!doctype html>");
    });
    expect((await send(port, {})).headers["content-security-policy"]).toBe(page);
  });

  it("adds HSTS only when the client used HTTPS, as the edge determined it", async () => {
    const behindProxy = await start(1, redirect);
    const https = await send(behindProxy, { "x-forwarded-proto": "https" }, "/learn/");
    expect(https.status).toBe(308);
    expectConstantHeaders(https);
    expect(https.headers["strict-transport-security"]).toBe(HSTS);
    const http = await send(behindProxy, { "x-forwarded-proto": "http" }, "/learn/");
    expect(http.headers["strict-transport-security"]).toBeUndefined();

    // With no trusted proxy, neither X-Forwarded-Proto nor a client-sent stamp makes it HTTPS.
    const direct = await start(0, redirect);
    const claimed = await send(direct, {
      "x-forwarded-proto": "https",
      [CLIENT_PROTOCOL_HEADER]: "https",
    });
    expect(claimed.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("the server edge compresses answers, but not small JSON ones", () => {
  /** Answers as Next does: headers set, then the body written in chunks, flushed after each. */
  const streamed =
    (type: string, chunks: readonly string[]): RequestHandler =>
    (_req, res) => {
      res.setHeader("content-type", type);
      for (const chunk of chunks) {
        res.write(chunk);
        (res as unknown as { flush?: () => void }).flush?.();
      }
      res.end();
    };
  // Like a run's answer: counts of 5-bit outcomes and a little more, over 2 KB.
  const json = JSON.stringify({
    counts: Object.fromEntries(range(32).map((i) => [i.toString(2).padStart(5, "0"), 32 * i])),
    probabilities: range(32).map((i) => i / 496),
    histogram: range(32).map((i) => ({ outcome: i.toString(2).padStart(5, "0"), count: 32 * i })),
  });
  const page = `<!doctype html><html><body>${"<p>a lesson paragraph</p>".repeat(2000)}</body></html>`;

  function range(n: number): number[] {
    return Array.from({ length: n }, (_, i) => i);
  }

  it("sends a streamed JSON answer of a few KB as it is", async () => {
    expect(json.length).toBeGreaterThan(2000);
    const port = await start(0, streamed("application/json", [json]));
    const answer = await send(port, { "accept-encoding": "gzip, deflate, br" });
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(answer.body)).toEqual(JSON.parse(json));
  });

  it("gzips a streamed page for a client that accepts it", async () => {
    for (const [type, body] of [["text/html; charset=utf-8", page]]) {
      const port = await start(0, streamed(type, [body.slice(0, 1000), body.slice(1000)]));
      const gzipped = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
              resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
            );
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(gzipped.encoding).toBe("gzip");
      expect(gunzipSync(gzipped.body).toString()).toBe(body);
      expect(gzipped.body.length).toBeLessThan(body.length);
      // Without Accept-Encoding it goes out as it is.
      const plain = await send(port, {});
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body).toBe(body);
    }
  });

  it("compresses a JSON answer of known, large length", async () => {
    const big = JSON.stringify(range(5000));
    const port = await start(0, (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.setHeader("content-length", Buffer.byteLength(big));
      res.end(big);
    });
    const answer = await send(port, { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
  });
});
