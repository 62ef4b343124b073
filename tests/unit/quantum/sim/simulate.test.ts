/** simulate(): result shape, bit order, seeds, per-shot execution, limits and errors. */
import { describe, expect, it } from "vitest";
import { LimitError, QuantumError } from "@/lib/quantum/errors";
import { circuitUnitary, finalState, MAX_LISTED, simulate } from "@/lib/quantum/simulate";
import { maxDistance } from "@/lib/quantum/complex-matrix";
import { referenceUnitary } from "@/tests/support/dense-reference";
import { createRng, countsKey, sampleCounts } from "@/lib/quantum/sample";
import { createState, applyOp } from "@/lib/quantum/statevector";
import { CircuitBuilder, ifBit } from "./build";

describe("result shape and bit order", () => {
  it("writes counts as Qiskit does: last register first, highest bit first", () => {
    // c0 has 2 bits, c1 has 1; q0 → c0[0], q1 → c0[1], q2 → c1[0]
    const c = new CircuitBuilder(3, [2, 1])
      .x(0)
      .x(2)
      .measure(0, 0)
      .measure(1, 1)
      .measure(2, 2)
      .build();
    const r = simulate(c, { shots: 10, seed: 1 });
    expect(r.counts).toEqual({ "1 01": 10 });
    expect(r.probabilities).toEqual({ "101": 1 });
    expect(r.statevector).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it("leaves unmeasured classical bits at 0 and gives null counts without measurements", () => {
    const c = new CircuitBuilder(2, [3]).x(1).measure(1, 2).build();
    expect(simulate(c, { shots: 5, seed: 1 }).counts).toEqual({ "100": 5 });
    const none = simulate(new CircuitBuilder(1).h(0).build(), { seed: 1 });
    expect(none.counts).toBeNull();
    expect(none.shots).toBe(1024);
  });

  it("reports Bloch vectors and expectation values of the pre-measurement state", () => {
    const c = new CircuitBuilder(2, [2])
      .h(0)
      .cx(0, 1)
      .measure(0, 0)
      .measure(1, 1)
      .expect("Z0*Z1")
      .build();
    const r = simulate(c, { shots: 10, seed: 2, observables: ["X0*X1 + 0.5", "Z0"] });
    expect(r.expectations).toEqual([
      { observable: "Z0*Z1", value: expect.closeTo(1, 12) },
      { observable: "X0*X1 + 0.5", value: expect.closeTo(1.5, 12) },
      { observable: "Z0", value: expect.closeTo(0, 12) },
    ]);
    // maximally entangled: both reduced states are the centre of the ball
    for (const v of r.bloch) expect(Math.hypot(v.x, v.y, v.z)).toBeLessThan(1e-12);
  });

  it("lists at most MAX_LISTED probabilities and omits a huge statevector, saying so", () => {
    const b = new CircuitBuilder(17);
    for (let q = 0; q < 17; q++) b.h(q);
    const r = simulate(b.build(), { seed: 1 });
    expect(Object.keys(r.probabilities)).toHaveLength(MAX_LISTED);
    expect(r.statevector).toBeNull();
    expect(r.statevectorNote).toBe(
      "the state has 2^17 amplitudes; results list at most 65536; probabilities list only the largest entries",
    );
  });
});

describe("seeds and sampling", () => {
  const coin = new CircuitBuilder(3, [3])
    .h(0)
    .h(1)
    .h(2)
    .measure(0, 0)
    .measure(1, 1)
    .measure(2, 2)
    .build();

  it("reports a random seed when none is given, and replaying it gives the same counts", () => {
    const first = simulate(coin, { shots: 500 });
    expect(Number.isSafeInteger(first.seed)).toBe(true);
    expect(simulate(coin, { shots: 500, seed: first.seed }).counts).toEqual(first.counts);
  });

  it("different seeds give different samples", () => {
    const keys = new Set(
      [1, 2, 3, 4].map((seed) => JSON.stringify(simulate(coin, { shots: 500, seed }).counts)),
    );
    expect(keys.size).toBeGreaterThan(1);
  });

  it("sampleCounts draws every shot and only possible outcomes", () => {
    const s = createState(2);
    applyOp(s, {
      kind: "gate",
      name: "h",
      params: [],
      qubits: [1],
      controls: [],
      controlStates: [],
      loc: { line: 1, column: 1 },
    });
    const counts = sampleCounts(s, 1000, createRng(9));
    expect([...counts.keys()].sort()).toEqual([0, 2]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it("the PRNG rejects seeds it cannot represent", () => {
    expect(() => createRng(-1)).toThrow("a seed must be a non-negative safe integer, got -1");
    expect(() => simulate(coin, { seed: 1.5 })).toThrow(
      new QuantumError("semantic", "the seed must be a non-negative integer, got 1.5"),
    );
  });

  it("countsKey without registers writes all bits highest first", () => {
    expect(countsKey(Uint8Array.of(1, 0, 0, 1), [])).toBe("1001");
  });
});

describe("per-shot execution", () => {
  it("keeps terminal measurements deterministic even with gates on other qubits after them", () => {
    const c = new CircuitBuilder(2, [2]).h(0).measure(0, 0).x(1).measure(1, 1).build();
    const r = simulate(c, { shots: 200, seed: 5 });
    expect(r.perShot).toBe(false);
    expect(Object.keys(r.counts!).sort()).toEqual(["10", "11"]);
  });

  it("simulates each shot after a mid-circuit measurement that a later gate depends on", () => {
    const c = new CircuitBuilder(2, [1, 1])
      .h(0)
      .measure(0, 0)
      .gate("x", [1], [], { condition: ifBit(0) })
      .measure(1, 1)
      .build();
    const r = simulate(c, { shots: 300, seed: 11 });
    expect(r.perShot).toBe(true);
    expect(r.statevectorNote).toBe(
      "the final state differs from shot to shot (mid-circuit measurement)",
    );
    expect(Object.keys(r.counts!).sort()).toEqual(["0 0", "1 1"]);
    expect(r.counts!["0 0"] + r.counts!["1 1"]).toBe(300);
    // the averaged state is the classical mixture of |00⟩ and |11⟩
    expect(r.probabilities).toEqual({
      "00": expect.closeTo(r.counts!["0 0"] / 300, 12),
      "11": expect.closeTo(r.counts!["1 1"] / 300, 12),
    });
  });

  it("reset returns a qubit to |0⟩ in every shot", () => {
    const c = new CircuitBuilder(1, [1]).h(0).reset(0).measure(0, 0).build();
    const r = simulate(c, { shots: 100, seed: 3 });
    expect(r.perShot).toBe(true);
    expect(r.counts).toEqual({ "0": 100 });
  });

  it("a reset on an untouched qubit is a no-op and does not force per-shot simulation", () => {
    const c = new CircuitBuilder(1, [1]).reset(0).h(0).measure(0, 0).build();
    expect(simulate(c, { shots: 10, seed: 1 }).perShot).toBe(false);
  });

  it("a gate on a measured qubit makes the measurement mid-circuit", () => {
    const c = new CircuitBuilder(1, [2]).h(0).measure(0, 0).h(0).measure(0, 1).build();
    const r = simulate(c, { shots: 4000, seed: 8 });
    expect(r.perShot).toBe(true);
    // after the collapse, the second H makes the second bit independent and uniform
    for (const key of ["00", "01", "10", "11"]) expect(r.counts![key]).toBeGreaterThan(800);
  });

  it("needs at least one shot when the circuit is per-shot", () => {
    const c = new CircuitBuilder(1, [1]).h(0).reset(0).build();
    expect(() => simulate(c, { shots: 0, seed: 1 })).toThrow(
      "this circuit needs at least one shot (it has reset)",
    );
  });
});

describe("limits and errors", () => {
  const bell = new CircuitBuilder(2, [2]).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();

  it("names the limit that was exceeded", () => {
    const err = (f: () => unknown): LimitError => {
      try {
        f();
      } catch (e) {
        return e as LimitError;
      }
      throw new Error("expected a LimitError");
    };
    const q = err(() => simulate(bell, { limits: { maxQubits: 1 } }));
    expect(q).toBeInstanceOf(LimitError);
    expect([q.limit, q.code, q.message]).toEqual([
      "maxQubits",
      "limit",
      "the circuit uses 2 qubits; the limit is maxQubits = 1",
    ]);
    expect(err(() => simulate(bell, { limits: { maxOperations: 3 } })).message).toBe(
      "the circuit has 4 operations; the limit is maxOperations = 3",
    );
    const s = err(() => simulate(bell, { shots: 11, limits: { maxShots: 10 } }));
    expect([s.limit, s.message]).toEqual([
      "maxShots",
      "11 shots requested; the limit is maxShots = 10",
    ]);
    const slow = new CircuitBuilder(12, [1]).h(0).reset(0).measure(0, 0).build();
    const d = err(() => simulate(slow, { shots: 100_000, seed: 1, limits: { deadlineMs: 20 } }));
    expect([d.limit, d.message]).toEqual([
      "deadlineMs",
      "the simulation ran longer than the deadlineMs = 20 ms limit",
    ]);
  });

  it("rejects operands outside the circuit with a located error", () => {
    const c = new CircuitBuilder(2).gate("cx", [0, 2]).build();
    const e = (() => {
      try {
        simulate(c);
      } catch (x) {
        return x as QuantumError;
      }
    })();
    expect(e).toBeInstanceOf(QuantumError);
    expect(e!.message).toBe('gate "cx" uses qubit 2, but the circuit has 2');
    expect(e!.loc).toEqual({ line: 1, column: 1 });
    expect(() => simulate(new CircuitBuilder(2).gate("cx", [1, 1]).build())).toThrow(
      'gate "cx" uses qubit 1 twice',
    );
    expect(() => simulate(new CircuitBuilder(2).gate("cx", [1]).build())).toThrow(
      'gate "cx" acts on 2 qubit(s), got 1',
    );
    expect(() => simulate(new CircuitBuilder(1).gate("bogus", [0]).build())).toThrow(
      'the simulator has no gate named "bogus"',
    );
    expect(() => simulate(new CircuitBuilder(1, [1]).measure(0, 3).build())).toThrow(
      "classical bit 3 does not exist (the circuit has 1)",
    );
    expect(() => simulate(bell, { shots: -1 })).toThrow(
      "shots must be a non-negative integer, got -1",
    );
  });

  it("reports a bad observable at the location of its request", () => {
    const c = new CircuitBuilder(1).h(0).expect("Z3").build();
    expect(() => simulate(c)).toThrow(
      'observable "Z3" names qubit 3, but the circuit has 1 qubit(s)',
    );
  });
});

describe("finalState and circuitUnitary", () => {
  const c = new CircuitBuilder(3, [3])
    .h(0)
    .cx(0, 1)
    .gate("rzz", [1, 2], [0.4])
    .gate("u3", [2], [0.1, 0.2, 0.3])
    .gphase(0.25)
    .measure(0, 0)
    .build();

  it("circuitUnitary equals the reference unitary, terminal measurements ignored", () => {
    expect(maxDistance(circuitUnitary(c), referenceUnitary(c))).toBeLessThan(1e-12);
  });

  it("refuses circuits whose final state is random", () => {
    const mid = new CircuitBuilder(1, [1]).h(0).measure(0, 0).h(0).build();
    expect(() => finalState(mid)).toThrow(
      new QuantumError("unsupported", "finalState needs a circuit without mid-circuit measurement"),
    );
    expect(() => circuitUnitary(new CircuitBuilder(11).build())).toThrow(
      "circuitUnitary supports at most 10 qubits, the circuit has 11",
    );
  });
});
