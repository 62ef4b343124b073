/**
 * The "training" section of `npm run bench`: the costs a learner feels when an experiment cell
 * runs, measured side by side in one process on the parity classifier of the experiment tests
 * (4 qubits, 2 layers of rz·ry·rz with a ring of cx, 24 weights, ⟨Z0⟩ as the output):
 *
 * - expectation values per second through lib/quantum/diff (compiled once, `expectationsBatch`
 *   over the 16 parity points) against compiling and simulating the program each time;
 * - `runExperiment` on the whole 60-step exact training cell (target ≤ 1 s);
 * - one full gradient by adjoint differentiation against parameter shift, on the same circuit
 *   with one data point written in as constants so it has exactly P = 24 inputs (target:
 *   adjoint ≥ P/4 = 6 × faster);
 * - a 100 × 100 ZZ-feature-map kernel on 4 qubits computed as the kernel experiment does
 *   (CircuitModel.state per point, then pairwise overlaps; target ≤ 0.5 s).
 *
 * Every figure is the median of a few repetitions; the machine is shared, so each row is timed
 * right after its comparison row rather than minutes apart.
 */
import { compile } from "@/lib/quantum/compile";
import { compileParametric, expectationsBatch, gradient } from "@/lib/quantum/diff";
import { simulate } from "@/lib/quantum/simulate";
import type { StateVector } from "@/lib/quantum/statevector";
import { fidelity } from "@/lib/qml/experiments/kernel";
import { CircuitModel } from "@/lib/qml/experiments/model";
import { runExperiment } from "@/lib/qml/experiments/run";
import { Tracker } from "@/lib/qml/experiments/tracker";

export interface SectionOptions {
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

const QUBITS = 4;
const LAYERS = 2;
const WEIGHTS = 3 * QUBITS * LAYERS;
const TARGET_TRAIN_MS = 1000;
const TARGET_KERNEL_MS = 500;
const TARGET_GRADIENT_RATIO = WEIGHTS / 4;

/**
 * The parity classifier of tests/unit/qml/experiments/run.test.ts. `data` writes one data point
 * into the encoding gates as constants (then the only inputs are the 24 weights); without it the
 * encoding angles are the inputs x0…x3.
 */
export function parityCircuit(data?: readonly number[]): string {
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  if (!data) lines.push(Array.from({ length: QUBITS }, (_, i) => `input float x${i};`).join(" "));
  lines.push(Array.from({ length: WEIGHTS }, (_, w) => `input float w${w};`).join(" "));
  lines.push(`qubit[${QUBITS}] q;`);
  for (let i = 0; i < QUBITS; i++) lines.push(`rx(${data ? data[i] : `x${i}`}) q[${i}];`);
  for (let layer = 0; layer < LAYERS; layer++) {
    for (let k = 0; k < QUBITS; k++) {
      const w = layer * 3 * QUBITS + k * 3;
      lines.push(`rz(w${w}) q[${k}]; ry(w${w + 1}) q[${k}]; rz(w${w + 2}) q[${k}];`);
    }
    lines.push(
      Array.from({ length: QUBITS }, (_, k) => `cx q[${k}], q[${(k + 1) % QUBITS}];`).join(" "),
    );
  }
  return lines.join("\n");
}

/** The training cell of the experiment tests: 16 parity points (12 train, 4 test), 60 steps. */
export const PARITY_SPEC = `experiment: train
data: { set: parity, bits: 4, test: 0.25, seed: 1, scale: [0, 3.141592653589793] }
features: [x0, x1, x2, x3]
weights: w
bias: true
init: { seed: 2, scale: 0.5 }
observable: Z0
loss: square
optimizer: { kind: nesterov, stepSize: 0.3, momentum: 0.9 }
steps: 60
gradient: adjoint`;

/** The ZZ feature map of Havlíček et al. on 4 qubits, depth 2, every pair entangled. */
function zzFeatureMap(): string {
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  lines.push(Array.from({ length: QUBITS }, (_, i) => `input float x${i};`).join(" "));
  lines.push(`qubit[${QUBITS}] q;`);
  for (let rep = 0; rep < 2; rep++) {
    for (let i = 0; i < QUBITS; i++) lines.push(`h q[${i}]; rz(2*x${i}) q[${i}];`);
    for (let i = 0; i < QUBITS; i++) {
      for (let j = i + 1; j < QUBITS; j++) {
        lines.push(
          `cx q[${i}], q[${j}]; rz(2*(pi - x${i})*(pi - x${j})) q[${j}]; cx q[${i}], q[${j}];`,
        );
      }
    }
  }
  return lines.join("\n");
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Timing {
  /** Median wall time (ms): what the learner waits. */
  readonly wall: number;
  /** Median CPU time of this process (ms): the same work with the shared machine's load taken out. */
  readonly cpu: number;
}

/** Times `f` over `runs` runs, after one untimed warm-up run. */
function timeMs(f: () => void, runs: number): Timing {
  f();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    walls.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/**
 * Time per call of `f` over `runs` windows of about `windowMs` each (medians): calls are far
 * shorter than a timer tick, so each window counts many.
 */
function perCall(f: () => void, runs: number, windowMs: number): Timing {
  for (let i = 0; i < 20; i++) f(); // warm up the JIT
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    let calls = 0;
    const c = process.cpuUsage();
    const start = performance.now();
    let now = start;
    while (now - start < windowMs) {
      for (let i = 0; i < 10; i++) f();
      calls += 10;
      now = performance.now();
    }
    const used = process.cpuUsage(c);
    walls.push((now - start) / calls);
    cpus.push((used.user + used.system) / 1000 / calls);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/**
 * `a` and `b` timed in alternating windows, so both see the same load: their times per call and
 * the median of the per-window ratios b/a (wall and CPU).
 */
function paired(
  a: () => void,
  b: () => void,
  runs: number,
  windowMs: number,
): { a: Timing; b: Timing; ratio: Timing } {
  const as: Timing[] = [];
  const bs: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    as.push(perCall(a, 1, windowMs));
    bs.push(perCall(b, 1, windowMs));
  }
  const med = (ts: Timing[]): Timing => ({
    wall: median(ts.map((t) => t.wall)),
    cpu: median(ts.map((t) => t.cpu)),
  });
  return {
    a: med(as),
    b: med(bs),
    ratio: med(as.map((t, r) => ({ wall: bs[r].wall / t.wall, cpu: bs[r].cpu / t.cpu }))),
  };
}

/** Seeded uniform numbers in [lo, hi) (Park–Miller), so every run times the same inputs. */
function uniform(seed: number): (lo: number, hi: number) => number {
  let s = seed;
  return (lo, hi) => {
    s = (s * 16807) % 2147483647;
    return lo + ((s - 1) / 2147483646) * (hi - lo);
  };
}

const count = (x: number): string => Math.round(x).toLocaleString("en-US");
/** Calls per second from a time per call of `calls` evaluations. */
const rate = (t: Timing, calls = 1): string =>
  `${count((1000 * calls) / t.wall)} /s (CPU ${count((1000 * calls) / t.cpu)} /s)`;
const ms = (x: number): string =>
  x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${(x * 1000).toFixed(0)} µs`;
const verdict = (pass: boolean): string => (pass ? "pass" : "**FAIL**");
const timing = (t: Timing): string => `${ms(t.wall)} (CPU ${ms(t.cpu)})`;

export function trainingSection({ quick, log }: SectionOptions): void {
  const runs = quick ? 3 : 5;
  const windowMs = quick ? 150 : 400;
  const random = uniform(7);

  // Evaluations per second: the 16 parity points at one set of weights, as a training step does.
  const source = parityCircuit();
  const pc = compileParametric(source);
  const weights = Array.from({ length: WEIGHTS }, () => random(-1, 1));
  const points = Array.from({ length: 16 }, (_, k) =>
    [0, 1, 2, 3].map((b) => ((k >> b) & 1) * Math.PI),
  );
  const valueSets = points.map((x) => [...x, ...weights]);
  const named = valueSets.map((values) =>
    Object.fromEntries(pc.parameters.map((name, j) => [name, values[j]])),
  );
  const batched = perCall(() => expectationsBatch(pc, valueSets, ["Z0"]), runs, windowMs);
  let next = 0;
  const plain = perCall(
    () => {
      const circuit = compile(source, { params: named[next++ % named.length] });
      simulate(circuit, { shots: 0, observables: ["Z0"] });
    },
    runs,
    windowMs,
  );

  // The whole training cell, as the page's worker runs it.
  const cell = `${PARITY_SPEC}\n---\n${source}`;
  let trained = runExperiment(cell);
  const trainRuns = quick ? 2 : 3;
  const train = timeMs(() => (trained = runExperiment(cell)), trainRuns);

  // One full gradient, P = 24: the data point is part of the program, the weights are the inputs.
  const fixed = compileParametric(parityCircuit([0, Math.PI, 0, Math.PI]));
  if (fixed.parameters.length !== WEIGHTS) {
    throw new Error(`expected ${WEIGHTS} inputs, got ${fixed.parameters.length}`);
  }
  const gradients = paired(
    () => gradient(fixed, weights, ["Z0"], { method: "adjoint" }),
    () => gradient(fixed, weights, ["Z0"], { method: "shift" }),
    runs,
    windowMs,
  );
  const { a: adjoint, b: shift, ratio } = gradients;

  // The kernel matrix as runKernel builds it: one state per point, then overlaps.
  const featureMap = zzFeatureMap();
  const kernelPoints = Array.from({ length: 100 }, () =>
    Array.from({ length: QUBITS }, () => random(0, 2 * Math.PI)),
  );
  let diagonalOk = true;
  const kernel = timeMs(() => {
    const tracker = new Tracker({ maxEvaluations: Number.POSITIVE_INFINITY });
    const model = new CircuitModel(featureMap, { shots: "exact", seed: 1 }, tracker);
    const states: StateVector[] = kernelPoints.map((x) =>
      model.state({ x0: x[0], x1: x[1], x2: x[2], x3: x[3] }),
    );
    const n = states.length;
    const gram = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      gram[i][i] = fidelity(states[i], states[i]);
      diagonalOk &&= Math.abs(gram[i][i] - 1) < 1e-9;
      for (let j = 0; j < i; j++) gram[i][j] = gram[j][i] = fidelity(states[i], states[j]);
    }
  }, runs);
  if (!diagonalOk) throw new Error("the kernel's diagonal is not 1: the states are not normalised");

  const perEvaluation = valueSets.length;
  log(
    `Parity classifier: ${QUBITS} qubits, ${LAYERS} layers, ${WEIGHTS} weights, ⟨Z0⟩. Medians of ${runs} repetitions (the training run: ${trainRuns}). Times are wall clock, with this process's CPU time beside them; targets are judged on wall time.`,
  );
  log("");
  log("| measure | value | comparison | target | result |");
  log("|---|---|---|---|---|");
  log(
    `| expectation values, lib/quantum/diff \`expectationsBatch\` (16 points per call) | ${rate(batched, perEvaluation)} | compile + simulate each time: ${rate(plain)}, ${((plain.wall * perEvaluation) / batched.wall).toFixed(0)}× slower | — | — |`,
  );
  log(
    `| parity training end to end (\`runExperiment\`, 16 points, 60 steps, exact, adjoint) | ${timing(train)} | ${trained.history.length} steps, ${trained.history.at(-1)!.circuits.toLocaleString("en-US")} circuits, test accuracy ${trained.metrics.testAccuracy} | ≤ ${TARGET_TRAIN_MS} ms | ${verdict(train.wall <= TARGET_TRAIN_MS)} |`,
  );
  log(
    `| one full gradient, P = ${WEIGHTS}: adjoint | ${timing(adjoint)} | parameter shift ${timing(shift)}: adjoint ${ratio.wall.toFixed(1)}× faster (CPU: ${ratio.cpu.toFixed(1)}×; median of paired runs) | ≥ ${TARGET_GRADIENT_RATIO}× | ${verdict(ratio.wall >= TARGET_GRADIENT_RATIO)} |`,
  );
  log(
    `| 100 × 100 ZZ-feature-map kernel, ${QUBITS} qubits (states, then overlaps) | ${timing(kernel)} | 100 states, ${(100 * 99) / 2} overlaps | ≤ ${TARGET_KERNEL_MS} ms | ${verdict(kernel.wall <= TARGET_KERNEL_MS)} |`,
  );
}
