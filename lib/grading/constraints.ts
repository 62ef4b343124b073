/**
 * Exercise constraints (allowedGates, maxGates, maxDepth, maxQubits, minGateCounts), measured on the compiled
 * circuit, so loops are unrolled and user-defined gates inlined.
 *
 * What counts as a gate: every gate operation, plus a controlled `gphase` (it is a phase gate on
 * its controls). Not counted: barriers, measurements, resets, and an uncontrolled `gphase`,
 * which changes nothing observable. A gate's name is the one the learner wrote: the enclosing
 * user-defined gate's name when it was inlined (`op.definedIn`), the standard name otherwise.
 * `id` is always allowed — it does nothing, so it cannot help around a restriction — but it is
 * counted, as Qiskit counts it.
 */
import type { Circuit, Op, SourceLocation } from "@/lib/quantum/ir";

import { plural } from "./programs";
import type { Constraints } from "./schemas";

interface CountedGate {
  readonly name: string;
  readonly qubits: readonly number[];
  readonly loc: SourceLocation;
}

function countedGate(op: Op): CountedGate | undefined {
  if (op.kind === "gate") {
    return {
      name: op.definedIn ?? op.name,
      qubits: [...op.controls, ...op.qubits],
      loc: op.loc,
    };
  }
  if (op.kind === "gphase" && op.controls.length > 0) {
    return { name: "gphase", qubits: op.controls, loc: op.loc };
  }
  return undefined;
}

export function gatesOf(circuit: Circuit): CountedGate[] {
  return circuit.ops.flatMap((op) => countedGate(op) ?? []);
}

/** Layers of gates over qubits: each gate starts after the last gate on any of its qubits. */
export function circuitDepth(circuit: Circuit): number {
  const level = new Array<number>(circuit.numQubits).fill(0);
  let depth = 0;
  for (const gate of gatesOf(circuit)) {
    const at = 1 + Math.max(0, ...gate.qubits.map((q) => level[q]));
    for (const q of gate.qubits) level[q] = at;
    depth = Math.max(depth, at);
  }
  return depth;
}

/** One sentence per broken constraint, each starting with the constraint's name. */
export function failedConstraints(
  circuit: Circuit,
  constraints: Constraints | undefined,
): string[] {
  if (!constraints) return [];
  const failed: string[] = [];
  const gates = gatesOf(circuit);
  const { allowedGates, maxGates, maxDepth, maxQubits, minGateCounts } = constraints;

  if (maxQubits !== undefined && circuit.numQubits > maxQubits) {
    failed.push(
      `maxQubits: your circuit declares ${plural(circuit.numQubits, "qubit")}; at most ${maxQubits} allowed.`,
    );
  }
  if (allowedGates !== undefined) {
    const allowed = new Set([...allowedGates, "id"]);
    const firstUse = new Map<string, SourceLocation>();
    for (const gate of gates) {
      if (!allowed.has(gate.name) && !firstUse.has(gate.name)) firstUse.set(gate.name, gate.loc);
    }
    if (firstUse.size > 0) {
      const uses = [...firstUse].map(([name, loc]) => `${name} (line ${loc.line})`).join(", ");
      failed.push(
        `allowedGates: your circuit uses ${uses}; only ${allowedGates.join(", ")} may be used.`,
      );
    }
  }
  if (maxGates !== undefined && gates.length > maxGates) {
    failed.push(
      `maxGates: your circuit has ${plural(gates.length, "gate")}; at most ${maxGates} allowed.`,
    );
  }
  if (maxDepth !== undefined) {
    const depth = circuitDepth(circuit);
    if (depth > maxDepth) {
      failed.push(`maxDepth: your circuit has depth ${depth}; at most ${maxDepth} allowed.`);
    }
  }
  if (minGateCounts !== undefined) {
    const uses = new Map<string, number>();
    for (const gate of gates) uses.set(gate.name, (uses.get(gate.name) ?? 0) + 1);
    for (const [name, least] of Object.entries(minGateCounts)) {
      const used = uses.get(name) ?? 0;
      if (used < least) {
        failed.push(
          `minGateCounts: your circuit uses ${name} ${plural(used, "time")}; at least ${least} required.`,
        );
      }
    }
  }
  return failed;
}
