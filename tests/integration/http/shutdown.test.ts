import { type ChildProcess, spawn } from "node:child_process";
import { get } from "node:http";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

/**
 * Graceful shutdown of the real server edge in its own process (lib/http/edge.mjs in front of a
 * stand-in app whose /slow request takes a while): SIGTERM lets the request finish, refuses new
 * connections, runs the app's shutdown hooks after the request, and exits 0.
 */
const FIXTURE = path.resolve("tests/integration/http/slow-edge-server.mjs");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<{ code: number | null; at: number }>;
}

function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [FIXTURE], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: Date.now() })),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) resolve({ child, port: Number(port), output: () => output, exit });
    });
    child.on("error", reject);
  });
}

function fetchText(
  port: number,
  pathname: string,
): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("graceful shutdown of the server edge", () => {
  it("finishes an in-flight request after SIGTERM, refuses new ones, then exits 0", async () => {
    const server = await startServer({ SLOW_MS: "1500", GRACE_MS: "10000" });
    expect((await fetchText(server.port, "/fast")).body).toBe("fast");

    const slow = fetchText(server.port, "/slow");
    await pause(300); // the request is in flight
    server.child.kill("SIGTERM");
    await pause(200);
    await expect(fetchText(server.port, "/fast")).rejects.toMatchObject({ code: "ECONNREFUSED" });

    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: "slow done" });
    const { code, at } = await server.exit;
    expect(code).toBe(0);
    expect(at - answer.at).toBeLessThan(2_000); // soon after: nothing else held it open
    // The app's hooks ran after the request was done, before the edge closed the rest.
    expect(server.output()).toMatch(
      /SIGTERM: finishing 1 request\(s\)[\s\S]*hook ran with 0 in flight[\s\S]*closed[\s\S]*shut down cleanly/,
    );
    // The hooks know when the shutdown began (the slow request ended about 1.2 s after it), so
    // the app's wait for its pool comes out of the same grace rather than starting a new one.
    const sinceSignal = Number(/hook ran (\d+) ms after the signal/.exec(server.output())?.[1]);
    expect(sinceSignal).toBeGreaterThanOrEqual(1_000);
    expect(sinceSignal).toBeLessThan(5_000);
  });

  it("cuts off a request that outlives the grace period and still exits", async () => {
    const server = await startServer({ SLOW_MS: "60000", GRACE_MS: "1000" });
    const slow = fetchText(server.port, "/slow");
    await pause(300);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await expect(slow).rejects.toThrow(/socket hang up|ECONNRESET/);
    const { code, at } = await server.exit;
    expect(code).toBe(0);
    expect(at - signalled).toBeGreaterThanOrEqual(1_000);
    expect(at - signalled).toBeLessThan(5_000);
    expect(server.output()).toContain("requests still running after 1000 ms were cut off");
  });
});
