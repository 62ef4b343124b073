/**
 * Load test of POST /api/run against a production server (`npm start`: the server edge around Next), in
 * the same run:
 * latency percentiles and throughput for a 5-qubit, 1024-shot circuit at 1, 10, 50 and 100
 * concurrent clients. Usage: `npm run bench:api` (builds first if there is no build).
 *
 * On the embedded database by default. With BENCH_DATABASE_URL the server uses that Postgres
 * database instead, and KETBOOK_HTTP_PROCESSES (e.g. `auto`: one app process per core) is passed
 * on, so `BENCH_DATABASE_URL=postgres://… KETBOOK_HTTP_PROCESSES=auto npm run bench:api` measures
 * HTTP served on every core.
 *
 * Each client comes from its own address: the server trusts one proxy hop
 * (KETBOOK_TRUSTED_PROXY_HOPS=1), as behind a load balancer, and each client sends its own
 * X-Forwarded-For. The per-client rate limit is raised, so what is measured is the simulation
 * service (with its per-client fair share), not the limiter. Runs the server with
 * the default worker pool and queue; 503s (queue full) are counted, not hidden.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CIRCUIT = `OPENQASM 3.0;
include "stdgates.inc";
qubit[5] q;
bit[5] c;
h q[0];
for uint i in [0:3] { cx q[i], q[i + 1]; }
rz(0.3) q[2];
ry(0.7) q[4];
c = measure q;`;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

/** Exact percentile of sorted values (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One POST over the keep-alive agent; resolves to the status once the whole answer is read. */
function post(agent: Agent, body: Buffer, client: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/api/run",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": body.byteLength,
          "x-forwarded-for": `198.51.100.${client}`,
        },
      },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * `connections` clients, each on its own kept-alive connection, sending its next request as soon
 * as the last one is answered, for DURATION_S seconds; every latency is kept so the percentiles
 * are exact. The clients run on the same two cores as the server, so they are plain node:http
 * (about 0.35 ms of CPU a request): `fetch` costs about 1.1 ms a request here, as much as the
 * server, and would measure the load generator as much as the server.
 */
async function measure(connections: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const deadline = performance.now() + DURATION_S * 1000;
  const body = Buffer.from(JSON.stringify({ source: CIRCUIT, shots: 1024 }));
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  await Promise.all(
    Array.from({ length: connections }, async (_, client) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const status = await post(agent, body, client);
        latencies.push(performance.now() - started);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ok = statuses.get(200) ?? 0;
  return {
    connections,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    throughput: ok / DURATION_S,
    ok,
    other:
      [...statuses]
        .filter(([status]) => status !== 200)
        .map(([status, n]) => `${n}×${status}`)
        .join(" ") || "0",
  };
}

async function main() {
  if (!existsSync(path.join(process.env.KETBOOK_DIST_DIR || ".next", "BUILD_ID"))) {
    console.log("no production build found: running `npm run build` first");
    await run("npm", ["run", "build"]);
  }
  const server = spawn("node", ["lib/http/server.mjs"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      KETBOOK_DATA_DIR: ".data/bench",
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "",
      KETBOOK_RUN_RATE_LIMIT: "1000000",
      KETBOOK_TRUSTED_PROXY_HOPS: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/api/health`, 120_000);
    // Warm up: the first requests start workers and compile routes.
    for (let i = 0; i < 20; i++) {
      await fetch(`http://127.0.0.1:${PORT}/api/run`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ source: CIRCUIT, shots: 1024 }),
      });
    }
    const rows = [];
    for (const connections of [1, 10, 50, 100]) rows.push(await measure(connections));
    const table = [
      `POST /api/run, 5 qubits, 1024 shots, ${DURATION_S} s per level, npm start on this machine ` +
        `(${process.env.KETBOOK_HTTP_PROCESSES ?? "1"} app process(es), ` +
        `${process.env.BENCH_DATABASE_URL ? "Postgres" : "embedded database"})`,
      "",
      "| clients | p50 ms | p95 ms | p99 ms | successful runs/s | 200 | other answers |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map(
        (r) =>
          `| ${r.connections} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.throughput.toFixed(0)} | ${r.ok} | ${r.other} |`,
      ),
    ].join("\n");
    console.log(table);
    await mkdir(path.join("bench", "results"), { recursive: true });
    await writeFile(path.join("bench", "results", "api-run.md"), `${table}\n`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

await main();
