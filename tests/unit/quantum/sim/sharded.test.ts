/**
 * The experimental sharded state (lib/runner/sharded-statevector.ts): two real worker threads
 * over shared memory must give the dense reference's state, for gates below, on and controlled
 * by the top qubit (the two ways the work is split).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { GateOp } from "@/lib/quantum/ir";
import { gateMatrix } from "@/lib/quantum/gates";
import { ShardedStateVector } from "@/lib/runner/sharded-statevector";
import { referenceState, vecDistance } from "@/tests/support/dense-reference";
import { gateOp, unitaryCircuit } from "./build";
import { toVec } from "./engine";

const gate = gateOp;

const n = 6;
const ops: GateOp[] = [
  ...[0, 1, 2, 3, 4, 5].map((q) => gate("ry", [q], [0.2 + 0.3 * q])),
  gate("h", [5]),
  gate("cx", [5, 0]),
  gate("cx", [1, 5]),
  gate("rz", [0], [0.7], [5], [0]),
  gate("cp", [4, 5], [1.1]),
  gate("swap", [5, 2]),
  gate("u", [3], [0.4, -0.2, 1.3], [4, 5], [1, 0]),
  { ...gate("unitary", [5, 1]), matrix: gateMatrix("rxx", [0.9]) },
  gate("x", [0]),
];
const circuit = unitaryCircuit(n, ops);

describe("sharded state vector (2 worker threads)", () => {
  const sharded = new ShardedStateVector(n);
  afterAll(() => sharded.close());

  it("equals the dense reference on gates below, on and controlled by the top qubit", async () => {
    await sharded.apply(ops);
    expect(vecDistance(toVec(sharded.view()), referenceState(circuit))).toBeLessThan(1e-12);
  });

  it("rejects a gate outside the register with the engine's message", async () => {
    await expect(sharded.apply([gate("h", [6])])).rejects.toThrow(
      'gate "h" uses qubit 6, but the circuit has 6',
    );
  });
});
