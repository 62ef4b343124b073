/**
 * `npm run bench [-- --quick]`: times the state-vector engine on GHZ, QFT from |0⟩, H-on-all +
 * QFT and a random depth-20 circuit at n = 16…24 (quick: 16, 18), against the `quantum-circuit`
 * package on the same circuits (each in its own child process, killed after 60 s) and against
 * memory-bandwidth baselines measured in the same run: one in-place scaling pass over the
 * 2^n complex amplitudes, and one copy. Prints a markdown table and writes
 * bench/results/latest.md. Not part of the tests.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { finalState } from "@/lib/quantum/simulate";
import { createState, planGate, runPlan } from "@/lib/quantum/statevector";
import { benchGates, CASES, toCircuit, type CaseName } from "./circuits";

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const SIZES = quick ? [16, 18] : [16, 18, 20, 22, 24];
const RUNS = 3;
const SKIP_PEER = process.argv.includes("--no-peer");
const PEER_TIMEOUT_MS = 60_000;
/** The bench measures speed, so the engine's wall-clock limit is lifted. */
const UNLIMITED = { limits: { deadlineMs: Number.POSITIVE_INFINITY } };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(f: () => void, runs = RUNS): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** One in-place pass: multiply every amplitude by a complex phase (what a cheap gate must beat). */
function scalePass(a: Float64Array): void {
  const cr = Math.cos(0.1);
  const ci = Math.sin(0.1);
  for (let p = 0; p < a.length; p += 2) {
    const xr = a[p];
    const xi = a[p + 1];
    a[p] = cr * xr - ci * xi;
    a[p + 1] = cr * xi + ci * xr;
  }
}

function runPeer(kind: CaseName, n: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(here, "peer.ts"), kind, String(n)],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), PEER_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") return resolve(null);
      if (code !== 0)
        return reject(new Error(`quantum-circuit failed on ${kind} n=${n}: ${err.slice(-500)}`));
      resolve((JSON.parse(out.trim().split("\n").pop()!) as { ms: number }).ms);
    });
  });
}

const fmt = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3);

async function main(): Promise<void> {
  const lines: string[] = [];
  const log = (s: string): void => {
    lines.push(s);
    console.log(s);
  };
  log(`# Ketbook state-vector benchmark${quick ? " (quick)" : ""}`);
  log("");
  log(
    `Node ${process.version}, ${new Date().toISOString()}. Times are medians of ${RUNS} runs (ms).`,
  );
  log("`pass` = one in-place complex scale over all amplitudes; `copy` = one Float64Array copy.");
  log("");
  log(
    "| case | n | gates | ours (ms) | quantum-circuit (ms) | speed-up | ns/amp/gate | pass (ms) | copy (ms) | ours/gate ÷ pass |",
  );
  log("|---|---|---|---|---|---|---|---|---|---|");
  const extra: string[] = [];
  for (const n of SIZES) {
    const buf = new Float64Array(2 ** (n + 1));
    buf.fill(1e-3);
    const other = new Float64Array(buf.length);
    const pass = timeIt(() => scalePass(buf), 5);
    const copy = timeIt(() => other.set(buf), 5);
    for (const kind of CASES) {
      const gates = benchGates(kind, n);
      const circuit = toCircuit(n, gates);
      finalState(circuit, UNLIMITED); // warm-up (JIT)
      const ours = timeIt(() => finalState(circuit, UNLIMITED));
      const peer = SKIP_PEER ? null : await runPeer(kind, n);
      const peerText = peer === null ? "> 60 s" : fmt(peer);
      const ratio =
        peer === null
          ? `> ${(PEER_TIMEOUT_MS / ours).toFixed(0)}×`
          : `${(peer / ours).toFixed(1)}×`;
      const nsPerAmpGate = (ours * 1e6) / (2 ** n * gates.length);
      const perGate = ours / gates.length / pass;
      log(
        `| ${kind} | ${n} | ${gates.length} | ${fmt(ours)} | ${peerText} | ${ratio} | ${nsPerAmpGate.toFixed(3)} | ${fmt(pass)} | ${fmt(copy)} | ${perGate.toFixed(2)} |`,
      );
      if (kind === "random" && n === 24) {
        const unfused = timeIt(() => finalState(circuit, { ...UNLIMITED, fusion: false }), 1);
        extra.push(
          `- random depth-20 at n = 24: fused ${fmt(ours)} ms = ${perGate.toFixed(2)}× a pass per gate; unfused ${fmt(unfused)} ms = ${(unfused / gates.length / pass).toFixed(2)}× per gate.`,
        );
      }
    }
    if (n === 24 || (quick && n === SIZES[SIZES.length - 1])) {
      const state = createState(n);
      const loc = { line: 1, column: 1 };
      for (const q of [0, 1, Math.floor(n / 2), n - 1]) {
        for (const name of ["h", "rz", "x"]) {
          const plan = planGate(n, {
            kind: "gate",
            name,
            params: name === "rz" ? [0.3] : [],
            qubits: [q],
            controls: [],
            controlStates: [],
            loc,
          });
          runPlan(state, plan);
          const t = timeIt(() => runPlan(state, plan), 5);
          extra.push(
            `- ${name} on qubit ${q} at n = ${n}: ${fmt(t)} ms = ${(t / pass).toFixed(2)}× the in-place pass (${fmt(pass)} ms).`,
          );
        }
      }
      const cx = planGate(n, {
        kind: "gate",
        name: "cx",
        params: [],
        qubits: [0, n - 1],
        controls: [],
        controlStates: [],
        loc,
      });
      const tcx = timeIt(() => runPlan(state, cx), 5);
      extra.push(
        `- cx 0→${n - 1} at n = ${n}: ${fmt(tcx)} ms = ${(tcx / pass).toFixed(2)}× the pass.`,
      );
    }
  }
  log("");
  log(...[extra.join("\n")]);
  const rss = process.resourceUsage().maxRSS / 1024;
  log(
    `- peak RSS of this process: ${rss.toFixed(0)} MB${SIZES.includes(24) ? " (includes the n = 24 runs)" : ""}.`,
  );
  const out = join(here, "results", "latest.md");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`\nwritten to ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
