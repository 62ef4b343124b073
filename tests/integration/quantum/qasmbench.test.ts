/**
 * Conformance: every QASMBench "small" circuit goes through compile + simulate, and its result is
 * checked — against the algorithm's known output where it is a textbook algorithm, otherwise
 * against an independent computation: the dense reference of tests/support (≤ 8 qubits, small
 * enough to multiply out) or else the `quantum-circuit` package (probabilities only). Every circuit also survives an OpenQASM 2 and an
 * OpenQASM 3 export round trip with the same final state (or, when the state is shot-dependent,
 * the same counts for the same seed).
 *
 * All these circuits have at most 10 qubits, so all are simulated fully.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { exportQasm2, exportQasm3 } from "@/lib/quantum/export";
import type { Circuit } from "@/lib/quantum/ir";
import type { SimulationResult } from "@/lib/quantum/result";
import { finalState, simulate } from "@/lib/quantum/simulate";
import { MAX_REFERENCE_QUBITS, referenceState } from "@/tests/support/dense-reference";
import { QASMBENCH_SMALL } from "@/tests/support/shared-dir";

/** The slice of the untyped `quantum-circuit` package this file uses. */
interface PeerCircuit {
  importQASM(source: string, done: (errors: unknown[]) => void): void;
  run(): void;
  stateAsArray(onlyPossible: boolean): { index: number; magnitude: number }[];
}
const QuantumCircuit = createRequire(import.meta.url)("quantum-circuit") as new () => PeerCircuit;

const BENCH = QASMBENCH_SMALL;
const FILES = readdirSync(BENCH)
  .filter((f) => f.endsWith(".qasm"))
  .sort();

/** hhl_n10 has 186 806 lines (≈ 6 MB): above the default source and operation limits. */
const LIMITS = { maxSourceBytes: 16 << 20, maxOperations: 1_000_000 };
const SHOTS = 4096;
const SEED = 2024;

const read = (file: string) => readFileSync(path.join(BENCH, file), "utf8");

/**
 * QASMBench files that end by measuring a register `q` into `c`, neither of which they declare.
 * The front end must refuse them at that line; the circuit before it is checked on its own.
 */
const BROKEN: Readonly<Record<string, string>> = {
  "hhl_n10.qasm": "186801:9: error: unknown register `q`; did you mean `q0`?",
  "vqe_uccsd_n4.qasm": "225:9: error: unknown register `q`",
  "vqe_uccsd_n6.qasm": "2286:9: error: unknown register `q`",
  "vqe_uccsd_n8.qasm": "10813:9: error: unknown register `q`",
};

const loaded = new Map<string, Circuit>();

function load(file: string): Circuit {
  let circuit = loaded.get(file);
  if (!circuit) {
    let source = read(file);
    if (file in BROKEN) source = source.replace(/^measure q\[\d+\] -> c\[\d+\];$/gm, "");
    circuit = compile(source, { limits: LIMITS });
    loaded.set(file, circuit);
  }
  return circuit;
}

/** hhl_n10 alone takes ~30 s on a 2-core machine (186 000 gates, simulated five times). */
const SLOW = 180_000;

const uniform = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, 1 / keys.length]));
const allBitstrings = (n: number) =>
  Array.from({ length: 2 ** n }, (_, i) => i.toString(2).padStart(n, "0"));

/** Known outputs: probabilities of the final state (keys q[n-1]…q[0]). */
const KNOWN_PROBABILITIES: Readonly<Record<string, Record<string, number>>> = {
  // cin=0, a=0001, b=1111: b becomes a+b = 0000 with carry cout=1; a is restored (q[1]).
  "adder_n10.qasm": { "1000000010": 1 },
  // Full adder a=q0=1, b=q1=1, cin=q2=0: sum (q1) = 0, carry (q3) = 1, a and cin kept.
  "adder_n4.qasm": { "1001": 1 },
  "cat_state_n4.qasm": { "0000": 0.5, "1111": 0.5 },
  // Balanced oracle: q0 reads 1; q1 is left in |−⟩.
  "deutsch_n2.qasm": { "01": 0.5, "11": 0.5 },
  // Fredkin with control q0=1 swaps q1=1 and q2=0.
  "fredkin_n3.qasm": { "101": 1 },
  // One Grover iteration on 2 qubits finds the marked |11⟩ with certainty.
  "grover_n2.qasm": { "11": 1 },
  // Hidden shift s = 0101 (the X gates on q0 and q2).
  "hs4_n4.qasm": { "0101": 1 },
  // iSWAP |01⟩ = i|10⟩.
  "iswap_n2.qasm": { "10": 1 },
  // Parity q2 = q0 ⊕ q3 read in the Hadamard basis: 00000 or the secret 01101.
  "lpn_n5.qasm": { "00000": 0.5, "01101": 0.5 },
  // QFT (no final swaps) of a basis state: every outcome equally likely.
  "qft_n4.qasm": uniform(allBitstrings(4)),
  "qrng_n4.qasm": uniform(allBitstrings(4)),
  // Teleporting S·H·T·H|0⟩ without Bob's corrections: q2 = ψ flipped when m1 = 1.
  "teleportation_n3.qasm": Object.fromEntries(
    allBitstrings(3).map((k) => [
      k,
      (k[0] === k[1] ? Math.cos(Math.PI / 8) ** 2 : Math.sin(Math.PI / 8) ** 2) / 4,
    ]),
  ),
  "toffoli_n3.qasm": { "111": 1 },
};

/** The W state up to the 5 digits QASMBench gives its angle (1.91063 ≈ 2·acos(1/√3)). */
const W_TOLERANCE = 1e-5;

/** Known outputs of shot-dependent circuits: the counts keys that occur, each equally likely. */
const KNOWN_COUNTS: Readonly<Record<string, readonly string[]>> = {
  // Inverse QFT of |++++⟩ (= QFT|0000⟩), semiclassical: always 0 in all four 1-bit registers.
  "inverseqft_n4.qasm": ["0 0 0 0"],
  // Iterative phase estimation of e^{2πi·3/16}: c = 0011.
  "ipea_n2.qasm": ["0011"],
  // Bit-flip on q0 gives syndrome 01, the correction restores 000.
  "qec_sm_n5.qasm": ["01 000"],
  // Semiclassical order finding with order 4: phases 0, 1/4, 1/2, 3/4 in c[2..0].
  "shor_n5.qasm": ["00000", "00010", "00100", "00110"],
  // Registers printed m7 m5 m4 m2 m1 m3 m0 m6: m7, m1, m0 always 0, the rest fair coins.
  "bb84_n8.qasm": allBitstrings(5).map(
    ([m5, m4, m2, m3, m6]) => `0 ${m5} ${m4} ${m2} 0 ${m3} 0 ${m6}`,
  ),
};

function expectProbabilities(
  actual: Record<string, number>,
  expected: Record<string, number>,
  tolerance = 1e-9,
) {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) {
    expect(Math.abs((actual[key] ?? 0) - (expected[key] ?? 0)), key).toBeLessThan(tolerance);
  }
}

/** Every key expected, nothing else, each count within 5σ of shots/keys. */
function expectUniformCounts(result: SimulationResult, keys: readonly string[]) {
  const counts = result.counts ?? {};
  expect(Object.keys(counts).sort()).toEqual([...keys].sort());
  const p = 1 / keys.length;
  const sigma = Math.sqrt(SHOTS * p * (1 - p));
  for (const key of keys)
    expect(Math.abs(counts[key] - SHOTS * p), key).toBeLessThanOrEqual(5 * sigma);
}

/** Largest amplitude difference, global phase included. */
function stateDistance(a: Float64Array, re: Float64Array, im: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < re.length; k++)
    worst = Math.max(worst, Math.hypot(a[2 * k] - re[k], a[2 * k + 1] - im[k]));
  return worst;
}

/** Final-state probabilities from the `quantum-circuit` package, measurements removed. */
function peerProbabilities(source: string, n: number): Float64Array {
  const qc = new QuantumCircuit();
  const unitaryPart = source.replace(/^\s*measure\b.*$/gm, "");
  const errors: unknown[] = [];
  qc.importQASM(unitaryPart, (e: unknown[]) => errors.push(...e));
  expect(errors).toEqual([]);
  qc.run();
  const probabilities = new Float64Array(2 ** n);
  for (const entry of qc.stateAsArray(true)) {
    probabilities[entry.index] = entry.magnitude;
  }
  return probabilities;
}

describe("QASMBench small: every file compiles, simulates and gives the right answer", () => {
  it("has the expected corpus (a new file needs its check here)", () => {
    expect(FILES.length).toBe(43);
    for (const file of [
      ...Object.keys(KNOWN_PROBABILITIES),
      ...Object.keys(KNOWN_COUNTS),
      ...Object.keys(BROKEN),
    ]) {
      expect(FILES).toContain(file);
    }
  });

  it.each(Object.entries(BROKEN))(
    "%s is refused where it names an undeclared register",
    (file, message) => {
      try {
        compile(read(file), { limits: LIMITS });
        expect.unreachable("compile should throw");
      } catch (error) {
        expect(error).toBeInstanceOf(QuantumError);
        expect((error as QuantumError).format(file)).toBe(`${file}:${message}`);
      }
    },
  );

  it.each(FILES)(
    "%s",
    (file) => {
      const circuit = load(file);
      expect(circuit.numQubits).toBeLessThanOrEqual(16);
      const result = simulate(circuit, { shots: SHOTS, seed: SEED, limits: LIMITS });
      expect(result.numQubits).toBe(circuit.numQubits);
      if (result.counts)
        expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(SHOTS);

      if (file in KNOWN_COUNTS) {
        expect(result.perShot).toBe(true);
        expectUniformCounts(result, KNOWN_COUNTS[file]);
        return;
      }
      expect(result.perShot, "only the circuits of KNOWN_COUNTS are shot-dependent").toBe(false);
      if (file === "wstate_n3.qasm") {
        expectProbabilities(result.probabilities, uniform(["001", "010", "100"]), W_TOLERANCE);
        return;
      }
      if (file in KNOWN_PROBABILITIES) {
        expectProbabilities(result.probabilities, KNOWN_PROBABILITIES[file]);
        return;
      }
      const state = finalState(circuit, { limits: LIMITS });
      // The dense reference costs ops × 4^n; past ~1e8 the peer package is the faster referee.
      const denseCost = circuit.ops.length * 4 ** circuit.numQubits;
      if (circuit.numQubits <= MAX_REFERENCE_QUBITS && denseCost <= 1e8) {
        const reference = referenceState(circuit);
        expect(stateDistance(state.amps, reference.re, reference.im)).toBeLessThan(1e-9);
      } else if (file !== "hhl_n10.qasm") {
        const peer = peerProbabilities(read(file), circuit.numQubits);
        let worst = 0;
        for (let k = 0; k < peer.length; k++) {
          const p = state.amps[2 * k] ** 2 + state.amps[2 * k + 1] ** 2;
          worst = Math.max(worst, Math.abs(p - peer[k]));
        }
        expect(worst).toBeLessThan(1e-9);
      } else {
        // 186 000 gates are minutes for the peer package; the round trips below are its check.
        expect(circuit.ops.length).toBeGreaterThan(100_000);
      }
    },
    SLOW,
  );

  it.each(FILES)(
    "%s: OpenQASM 2 and 3 export round trips",
    (file) => {
      const circuit = load(file);
      const perShot = file in KNOWN_COUNTS;
      const x = perShot ? null : finalState(circuit, { limits: LIMITS }).amps;
      for (const exporter of [exportQasm2, exportQasm3]) {
        const back = compile(exporter(circuit), { limits: LIMITS });
        if (perShot) {
          const a = simulate(circuit, { shots: 256, seed: 7 });
          const b = simulate(back, { shots: 256, seed: 7 });
          expect(b.counts).toEqual(a.counts);
          continue;
        }
        const y = finalState(back, { limits: LIMITS }).amps;
        let worst = 0;
        for (let i = 0; i < x!.length; i++) worst = Math.max(worst, Math.abs(x![i] - y[i]));
        expect(worst).toBeLessThan(1e-9);
      }
    },
    SLOW,
  );
});
