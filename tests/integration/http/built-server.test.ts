import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { lockFileOf } from "@/db/data-dir-lock.mjs";

import { freshPostgresDatabase } from "../../support/databases";
import { startEarlyInARateLimitWindow } from "../../support/rate-limit-window";

/**
 * The production server as `npm start` runs it (lib/http/server.mjs around a real `next build`,
 * on its own embedded database), checked from outside over HTTP: security headers on pages, API
 * routes, static files and Next's own redirects, the health endpoint, client identity against
 * spoofed headers, and a graceful shutdown in the middle of a simulation; and the same build
 * under `next start`, which has no edge to stamp clients and so must refuse to serve.
 */
const DIST_DIR = ".next-http-test";
const LESSON = "/learn/qml-foundations/qubits";

const exec = promisify(execFile);
const roots: string[] = [];
const children: ChildProcess[] = [];

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly dataDir: string;
  readonly exit: Promise<number | null>;
  output(): string;
}

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const root = await mkdtemp(path.join(tmpdir(), "ketbook-server-"));
  roots.push(root);
  // As `npm start` runs it: no NODE_ENV from the test runner (the server sets its own).
  const { NODE_ENV: _testMode, ...inherited } = process.env;
  const serverEnv = {
    ...inherited,
    DATABASE_URL: "",
    KETBOOK_DIST_DIR: DIST_DIR,
    KETBOOK_DATA_DIR: root,
    PORT: "0",
    HOSTNAME: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ["lib/http/server.mjs"], {
    env: serverEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (url) resolve({ child, url, dataDir: root, exit, output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exit.then((code) =>
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

/** Waits until the server's own start-up (migrations, pool) is done: /api/health says ok. */
async function healthy(server: Server): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const response = await fetch(`${server.url}/api/health`).catch(() => undefined);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`never healthy:\n${server.output()}`);
}

beforeAll(async () => {
  // The simulation worker is bundled by the suite's global setup; this builds the app itself.
  // `next build` adds its build folder's type globs to tsconfig.json: put the file back after.
  const tsconfig = await readFile("tsconfig.json", "utf8");
  await exec(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      KETBOOK_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    maxBuffer: 64 * 1024 * 1024,
  }).finally(async () => {
    if ((await readFile("tsconfig.json", "utf8")) !== tsconfig)
      await writeFile("tsconfig.json", tsconfig);
  });
}, 900_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const root of roots) await rm(root, { recursive: true, force: true });
  await rm(DIST_DIR, { recursive: true, force: true });
});

function cspOf(response: Response): Map<string, string> {
  const policy = response.headers.get("content-security-policy") ?? "";
  return new Map(
    policy
      .split(";")
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name, ...values] = directive.split(/\s+/);
        return [name, values.join(" ")] as const;
      }),
  );
}

/** The security headers every response carries, whichever part of Next answered it. */
function expectConstantHeaders(response: Response, what: string): void {
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
  expect(cspOf(response).get("frame-ancestors"), what).toBe("'none'");
}

/** Next's own redirects (trailing slash, doubled slash), answered before proxy.ts runs. */
const REDIRECTS = ["/learn/", "/api/health/", "/learn//"];

describe("the built server, directly reached (no trusted proxy)", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({ KETBOOK_RUN_RATE_LIMIT: "3" });
    await healthy(server);
  }, 180_000);

  it("serves a lesson page with a per-request CSP nonce that its scripts carry", async () => {
    const first = await fetch(`${server.url}${LESSON}`);
    expect(first.status).toBe(200);
    const csp = cspOf(first);
    const nonce = /'nonce-([^']+)'/.exec(csp.get("script-src") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(csp.get("script-src")).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("worker-src")).toBe("'self' blob:");
    expect(csp.get("font-src")).toBe("'self' data:");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("strict-transport-security")).toBeNull(); // plain HTTP

    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await fetch(`${server.url}${LESSON}`);
    expect(cspOf(second).get("script-src")).not.toContain(nonce!);
  });

  it("sets the security headers on API routes and static files too", async () => {
    const api = await fetch(`${server.url}/api/health`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(cspOf(api).get("frame-ancestors")).toBe("'none'");

    const html = await (await fetch(`${server.url}${LESSON}`)).text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)![1];
    const asset = await fetch(new URL(script, server.url));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("puts the security headers on Next's own redirects and on 404s of static paths", async () => {
    for (const path of REDIRECTS) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(308);
      expectConstantHeaders(response, path);
      expect(response.headers.get("strict-transport-security"), path).toBeNull(); // plain HTTP
    }
    // Paths proxy.ts skips (static files), answered with an HTML or plain 404 by Next.
    for (const path of ["/favicon.ico", "/_next/static/no-such-chunk.js"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expectConstantHeaders(response, path);
    }
  });

  it("answers GET /api/health with the database and the pool, never cached", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.pool.size).toBeGreaterThan(0);
    expect(body.pool).toEqual({ size: body.pool.size, busy: 0, queued: 0 });
  });

  it("counts a client by its connection, whatever X-Forwarded-For or the stamped header say", async () => {
    await startEarlyInARateLimitWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${server.url}/api/run`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": `198.51.100.${i}`,
          "x-real-ip": `198.51.100.${i}`,
          "x-ketbook-client-address": `203.0.113.${i}`,
          "x-ketbook-client-stamp": `forged-${i}`,
        },
        body: JSON.stringify({
          source: 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nh q[0];',
        }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]); // KETBOOK_RUN_RATE_LIMIT=3
  });
});

describe("the built server behind one trusted proxy", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({
      KETBOOK_TRUSTED_PROXY_HOPS: "1",
      KETBOOK_SIM_DEADLINE_MS: "30000",
    });
    await healthy(server);
  }, 180_000);

  it("sends a run's small JSON answer uncompressed, and still gzips a lesson page", async () => {
    const run = await fetch(`${server.url}/api/run`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "accept-encoding": "gzip, deflate, br",
        "x-forwarded-for": "198.51.100.77",
      },
      body: JSON.stringify({
        source:
          'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[5] q;\nbit[5] c;\nh q;\nc = measure q;',
        shots: 1024,
      }),
    });
    expect(run.status).toBe(200);
    expect(run.headers.get("content-encoding")).toBeNull();
    expect((await run.text()).length).toBeGreaterThan(1024);

    const page = await fetch(`${server.url}${LESSON}`, {
      headers: { "accept-encoding": "gzip", "x-forwarded-for": "198.51.100.77" },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(await page.text()).toContain("</html>");
  });

  it("answers POST /api/run at the edge, with the route's own answers and refusals", async () => {
    const post = (body: string, type = "application/json") =>
      fetch(`${server.url}/api/run`, {
        method: "POST",
        headers: { "content-type": type, "x-forwarded-for": "198.51.100.78" },
        body,
      });
    const source =
      'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;';
    const run = await post(JSON.stringify({ source, shots: 1000, seed: 7 }));
    expect(run.status).toBe(200);
    // Written by the edge in one piece, not streamed by Next (which adds its router's Vary).
    expect(run.headers.get("vary")).toBeNull();
    const result = await run.json();
    expect(Number(run.headers.get("content-length"))).toBeGreaterThan(0);
    expect(Object.keys(result.counts).sort()).toEqual(["00", "11"]);
    expect(result.counts["00"] + result.counts["11"]).toBe(1000);
    expect(result.layout).toBeDefined();

    expect((await post("{}", "text/plain")).status).toBe(415);
    const broken = await post("{not json");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/not valid JSON/);
    const huge = await post(JSON.stringify({ source: "x".repeat(200_000) }));
    expect(huge.status).toBe(413);
    const located = await post(JSON.stringify({ source: "OPENQASM 3.0;\nqubit q;\nfoo q;" }));
    expect(located.status).toBe(422);
    expect((await located.json()).error).toMatchObject({ code: "code", line: 3 });
  });

  it("sends HSTS and upgrades requests only when the proxy says the client used HTTPS", async () => {
    const https = await fetch(`${server.url}/learn`, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(cspOf(https).has("upgrade-insecure-requests")).toBe(true);

    const http = await fetch(`${server.url}/learn`, { headers: { "x-forwarded-proto": "http" } });
    expect(http.headers.get("strict-transport-security")).toBeNull();
    // A client cannot claim HTTPS through the stamped header either.
    const claimed = await fetch(`${server.url}/learn`, {
      headers: { "x-forwarded-proto": "http", "x-ketbook-client-protocol": "https" },
    });
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS on redirects and 404s too when the client used HTTPS", async () => {
    const https = { "x-forwarded-proto": "https" };
    for (const path of [...REDIRECTS, "/favicon.ico"]) {
      const response = await fetch(`${server.url}${path}`, { headers: https, redirect: "manual" });
      expect(response.status, path).toBe(path === "/favicon.ico" ? 404 : 308);
      expectConstantHeaders(response, path);
      expect(response.headers.get("strict-transport-security"), path).toBe(
        "max-age=31536000; includeSubDomains",
      );
    }
    const http = await fetch(`${server.url}/learn/`, {
      headers: { "x-forwarded-proto": "http" },
      redirect: "manual",
    });
    expect(http.status).toBe(308);
    expect(http.headers.get("strict-transport-security")).toBeNull();
  });

  it("lets a running simulation finish after SIGTERM, then exits 0 and frees the database", async () => {
    // A circuit that keeps a worker busy for a while (20 qubits, entangling layers).
    const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";', "qubit[20] q;", "bit[20] c;"];
    for (let layer = 0; layer < 6; layer++) {
      for (let i = 0; i < 20; i++) lines.push(`rx(${0.1 * (layer + 1) + 0.01 * i}) q[${i}];`);
      for (let i = 0; i < 19; i++) lines.push(`cx q[${i}], q[${i + 1}];`);
    }
    lines.push("c = measure q;");
    const run = fetch(`${server.url}/api/run`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: lines.join("\n"), shots: 10, seed: 1 }),
    });
    // Signal once the pool is busy with it.
    for (let busy = 0; busy === 0;) {
      busy = (await (await fetch(`${server.url}/api/health`)).json()).pool.busy;
    }
    server.child.kill("SIGTERM");

    const answer = await run;
    expect(answer.status).toBe(200);
    const result = await answer.json();
    expect(Object.values(result.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      10,
    );
    expect(await server.exit).toBe(0);
    expect(server.output()).toContain("shut down cleanly");
    expect(existsSync(lockFileOf(path.join(server.dataDir, "pglite")))).toBe(false);
  });
});

describe("several app processes on one port (KETBOOK_HTTP_PROCESSES)", () => {
  it("refuses on the embedded database, naming DATABASE_URL", async () => {
    const server = startServer({ KETBOOK_HTTP_PROCESSES: "2" });
    await expect(server).rejects.toThrow(/exited \(1\)[\s\S]*needs DATABASE_URL/);
  });

  const postgresServers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];
  it.each(postgresServers)(
    "serves from two processes sharing one Postgres database, and both shut down on SIGTERM",
    async (serverUrl) => {
      const database = await freshPostgresDatabase(serverUrl);
      try {
        const server = await startServer({
          KETBOOK_HTTP_PROCESSES: "2",
          DATABASE_URL: database.url,
        });
        // Both processes listen on the one port the first was given.
        for (let i = 0; i < 600 && server.output().match(/ready on/g)!.length < 2; i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const ready = [...server.output().matchAll(/ready on (http:\/\/[\d.]+:\d+)/g)];
        expect(ready.map((match) => match[1])).toEqual([server.url, server.url]);
        await healthy(server);

        const runs = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            fetch(`${server.url}/api/run`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({
                source: `OPENQASM 3.0; include "stdgates.inc"; qubit q; bit c; h q; c = measure q;`,
                seed: i,
              }),
            }),
          ),
        );
        expect(runs.map((run) => run.status)).toEqual(runs.map(() => 200));

        server.child.kill("SIGTERM");
        expect(await server.exit).toBe(0);
        expect(server.output().match(/shut down cleanly/g)).toHaveLength(2);
      } finally {
        await database.drop();
      }
    },
    300_000,
  );
});

describe("the same build under `next start`, without the server edge", () => {
  it("refuses to start, naming `npm start`, instead of trusting client-sent addresses", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "ketbook-next-start-"));
    roots.push(root);
    const { NODE_ENV: _testMode, ...inherited } = process.env;
    const child = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", "0"],
      {
        env: {
          ...inherited,
          DATABASE_URL: "",
          KETBOOK_DIST_DIR: DIST_DIR,
          KETBOOK_DATA_DIR: root,
          NEXT_TELEMETRY_DISABLED: "1",
        } as unknown as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(1);
    expect(output).toContain("serve it with `npm start`");
  }, 120_000);
});
