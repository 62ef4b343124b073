/**
 * Load test of POST /api/run against a production server (`next start`), in the same run:
 * latency percentiles and throughput for a 5-qubit, 1024-shot circuit at 1, 10 and 50
 * concurrent clients. Usage: `npm run bench:api` (builds first if there is no build).
 *
 * Each client comes from its own address (X-Forwarded-For) and the per-client rate limit is
 * raised, so what is measured is the simulation service, not the limiter.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import autocannon from "autocannon";

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

async function measure(connections: number) {
  let client = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/api/run`,
    method: "POST",
    connections,
    duration: DURATION_S,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ source: CIRCUIT, shots: 1024 }),
    setupClient: (c) => {
      c.setHeaders({
        "content-type": "application/json",
        "x-forwarded-for": `198.51.100.${++client % 250}`,
      });
    },
  });
  return {
    connections,
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p97_5 ?? result.latency.p99,
    p99: result.latency.p99,
    throughput: result.requests.average,
    ok: result["2xx"],
    other: result.non2xx,
    errors: result.errors,
  };
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("no production build found: running `npm run build` first");
    await run("npm", ["run", "build"]);
  }
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, KETBOOK_DATA_DIR: ".data/bench", KETBOOK_RUN_RATE_LIMIT: "1000000" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/learn`, 60_000);
    // Warm up: the first requests start workers and compile routes.
    for (let i = 0; i < 20; i++) {
      await fetch(`http://127.0.0.1:${PORT}/api/run`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ source: CIRCUIT, shots: 1024 }),
      });
    }
    const rows = [];
    for (const connections of [1, 10, 50]) rows.push(await measure(connections));
    const table = [
      `POST /api/run, 5 qubits, 1024 shots, ${DURATION_S} s per level, next start on this machine`,
      "",
      "| clients | p50 ms | p97.5 ms | p99 ms | req/s | 2xx | non-2xx | errors |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map(
        (r) =>
          `| ${r.connections} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.throughput.toFixed(0)} | ${r.ok} | ${r.other} | ${r.errors} |`,
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
