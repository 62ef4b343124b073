/**
 * Shared checks for exporter tests: random catalog gates, random unitaries, and "same unitary"
 * comparisons through the simulator's circuitUnitary (an engine the exporters do not use).
 */
import { GATE_CATALOG, type GateSignature } from "@/lib/quantum/gate-catalog";
import type { Circuit, Matrix, Op } from "@/lib/quantum/ir";
import { circuitUnitary } from "@/lib/quantum/simulate";
import { circuit, gate } from "./build";

/** Deterministic PRNG (mulberry32) so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomAngle(random: () => number): number {
  return (random() * 4 - 2) * Math.PI;
}

/** `count` distinct qubits out of 0..n-1, in random order. */
export function pickQubits(random: () => number, n: number, count: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/** A random op of catalog gate `sig` with `extra` random (neg)controls on an n-qubit circuit. */
export function randomGateOp(random: () => number, sig: GateSignature, n: number, extra: number) {
  const qubits = pickQubits(random, n, sig.qubits + extra);
  const controls = qubits.slice(sig.qubits);
  return gate(sig.name, qubits.slice(0, sig.qubits), {
    params: sig.params.map(() => randomAngle(random)),
    controls,
    controlStates: controls.map(() => (random() < 0.5 ? 0 : 1)),
  });
}

/** A random unitary on k qubits: the unitary of a random circuit of catalog gates. */
export function randomUnitary(random: () => number, k: number): Matrix {
  const ops: Op[] = [];
  const usable = GATE_CATALOG.filter((g) => g.qubits <= k);
  for (let i = 0; i < 6 * k; i++) {
    ops.push(randomGateOp(random, usable[Math.floor(random() * usable.length)], k, 0));
  }
  return circuitUnitary(circuit(ops, [["q", k]]), { fusion: false });
}

export function unitaryOf(ops: readonly Op[], n: number): Matrix {
  return circuitUnitary(circuit(ops, [["q", n]]), { fusion: false });
}

export function maxDiff(a: Matrix, b: Matrix): number {
  let worst = 0;
  for (let i = 0; i < a.re.length; i++) {
    worst = Math.max(worst, Math.hypot(a.re[i] - b.re[i], a.im[i] - b.im[i]));
  }
  return worst;
}

export type { Circuit };
