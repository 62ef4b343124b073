/**
 * Textbook algorithms with known outcomes, run through one shared suite against every engine
 * (the state-vector engine with and without fusion, and the dense reference).
 */
import { describe, expect, it } from "vitest";
import type { Circuit } from "@/lib/quantum/ir";
import { simulate } from "@/lib/quantum/simulate";
import { CircuitBuilder, ifBit } from "./build";
import { ENGINES, probabilitiesOf } from "./engine";

const S = Math.SQRT1_2;

function bell(): Circuit {
  return new CircuitBuilder(2).h(0).cx(0, 1).build();
}

function ghz(n: number): Circuit {
  const b = new CircuitBuilder(n).h(0);
  for (let q = 1; q < n; q++) b.cx(q - 1, q);
  return b.build();
}

/** Deutsch–Jozsa on 3 input qubits + ancilla 3; `balanced` uses f(x) = x0 ⊕ x1 ⊕ x2. */
function deutschJozsa(balanced: boolean): Circuit {
  const b = new CircuitBuilder(4).x(3);
  for (let q = 0; q < 4; q++) b.h(q);
  if (balanced) for (let q = 0; q < 3; q++) b.cx(q, 3);
  for (let q = 0; q < 3; q++) b.h(q);
  return b.build();
}

/** Bernstein–Vazirani with secret bits `secret` (bit q of the number = input qubit q). */
function bernsteinVazirani(secret: number, n: number): Circuit {
  const b = new CircuitBuilder(n + 1).x(n);
  for (let q = 0; q <= n; q++) b.h(q);
  for (let q = 0; q < n; q++) if ((secret >> q) & 1) b.cx(q, n);
  for (let q = 0; q < n; q++) b.h(q);
  return b.build();
}

function grover2(): Circuit {
  const b = new CircuitBuilder(2).h(0).h(1);
  b.gate("cz", [0, 1]); // oracle marks |11⟩
  b.h(0).h(1).x(0).x(1).gate("cz", [0, 1]).x(0).x(1).h(0).h(1);
  return b.build();
}

/** Grover on 3 qubits marking |101⟩ (index 5), two iterations. */
function grover3(): Circuit {
  const b = new CircuitBuilder(3);
  const ccz = (): void => {
    b.h(2).gate("ccx", [0, 1, 2]).h(2);
  };
  for (let q = 0; q < 3; q++) b.h(q);
  for (let it = 0; it < 2; it++) {
    b.x(1);
    ccz();
    b.x(1);
    for (let q = 0; q < 3; q++) b.h(q).x(q);
    ccz();
    for (let q = 0; q < 3; q++) b.x(q).h(q);
  }
  return b.build();
}

/** QFT|x⟩ = 2^{-n/2} Σ_k e^{2πi·xk/2^n} |k⟩ (qubit 0 least significant, final swaps included). */
function qftOfBasis(x: number, n: number): Circuit {
  const b = new CircuitBuilder(n);
  for (let q = 0; q < n; q++) if ((x >> q) & 1) b.x(q);
  for (let j = n - 1; j >= 0; j--) {
    b.h(j);
    for (let m = j - 1; m >= 0; m--) b.gate("cp", [m, j], [Math.PI / 2 ** (j - m)]);
  }
  for (let i = 0; i < n / 2 - 0.5; i++) b.gate("swap", [i, n - 1 - i]);
  return b.build();
}

/** Teleportation of ry(θ)rz(φ)|0⟩ from qubit 0 to qubit 2 with the corrections made coherent. */
function coherentTeleport(theta: number, phi: number): Circuit {
  return new CircuitBuilder(3)
    .gate("ry", [0], [theta])
    .gate("rz", [0], [phi])
    .h(1)
    .cx(1, 2)
    .cx(0, 1)
    .h(0)
    .cx(1, 2)
    .gate("cz", [0, 2])
    .build();
}

function blochOf(
  probsAndState: { re: Float64Array; im: Float64Array },
  q: number,
): [number, number, number] {
  const { re, im } = probsAndState;
  let x = 0;
  let y = 0;
  let z = 0;
  for (let k = 0; k < re.length; k++) {
    if ((k >> q) & 1) continue;
    const j = k | (1 << q);
    x += 2 * (re[j] * re[k] + im[j] * im[k]);
    y += 2 * (im[j] * re[k] - re[j] * im[k]);
    z += re[k] ** 2 + im[k] ** 2 - re[j] ** 2 - im[j] ** 2;
  }
  return [x, y, z];
}

for (const engine of ENGINES) {
  describe(`known answers: ${engine.name}`, () => {
    it("Bell state: (|00⟩ + |11⟩)/√2", () => {
      const v = engine.state(bell());
      expect(Array.from(v.re)).toEqual([expect.closeTo(S, 12), 0, 0, expect.closeTo(S, 12)]);
      expect(Array.from(v.im).every((x) => Math.abs(x) < 1e-15)).toBe(true);
    });

    it("GHZ on 5 qubits: only |00000⟩ and |11111⟩, each 1/2", () => {
      const p = probabilitiesOf(engine.state(ghz(5)));
      p.forEach((x, k) => expect(x).toBeCloseTo(k === 0 || k === 31 ? 0.5 : 0, 12));
    });

    it("Deutsch–Jozsa: constant oracle → inputs read 000, balanced → never 000", () => {
      const constant = probabilitiesOf(engine.state(deutschJozsa(false)));
      const inputsZero = (p: number[]): number =>
        p.filter((_, k) => (k & 7) === 0).reduce((a, b) => a + b, 0);
      expect(inputsZero(constant)).toBeCloseTo(1, 12);
      const balanced = probabilitiesOf(engine.state(deutschJozsa(true)));
      expect(inputsZero(balanced)).toBeCloseTo(0, 12);
      // parity oracle: the inputs read 111 with certainty
      expect(balanced.filter((_, k) => (k & 7) === 7).reduce((a, b) => a + b, 0)).toBeCloseTo(
        1,
        12,
      );
    });

    it("Bernstein–Vazirani recovers the secret 1011 in one query", () => {
      const p = probabilitiesOf(engine.state(bernsteinVazirani(0b1011, 4)));
      const onSecret = p.filter((_, k) => (k & 0b1111) === 0b1011).reduce((a, b) => a + b, 0);
      expect(onSecret).toBeCloseTo(1, 12);
    });

    it("Grover on 2 qubits finds |11⟩ with certainty after one iteration", () => {
      expect(probabilitiesOf(engine.state(grover2()))[3]).toBeCloseTo(1, 12);
    });

    it("Grover on 3 qubits finds |101⟩ with probability 121/128 after two iterations", () => {
      const p = probabilitiesOf(engine.state(grover3()));
      expect(p[5]).toBeCloseTo(121 / 128, 12);
      p.forEach((x, k) => k !== 5 && expect(x).toBeCloseTo(7 / 128 / 7, 12));
    });

    for (const [x, n] of [
      [5, 3],
      [11, 4],
      [0, 3],
    ] as const) {
      it(`QFT of |${x}⟩ on ${n} qubits has amplitudes e^{2πi·${x}k/${2 ** n}}/√${2 ** n}`, () => {
        const v = engine.state(qftOfBasis(x, n));
        const N = 2 ** n;
        for (let k = 0; k < N; k++) {
          const angle = (2 * Math.PI * x * k) / N;
          expect(v.re[k]).toBeCloseTo(Math.cos(angle) / Math.sqrt(N), 12);
          expect(v.im[k]).toBeCloseTo(Math.sin(angle) / Math.sqrt(N), 12);
        }
      });
    }

    it("teleportation (coherent corrections) moves the Bloch vector of qubit 0 to qubit 2", () => {
      const [theta, phi] = [1.1, 0.7];
      const [x, y, z] = blochOf(engine.state(coherentTeleport(theta, phi)), 2);
      expect(x).toBeCloseTo(Math.sin(theta) * Math.cos(phi), 12);
      expect(y).toBeCloseTo(Math.sin(theta) * Math.sin(phi), 12);
      expect(z).toBeCloseTo(Math.cos(theta), 12);
    });
  });
}

describe("known answers through simulate()", () => {
  it("teleportation with measurement and classical control reproduces the Bloch vector", () => {
    const [theta, phi] = [1.1, 0.7];
    const circuit = new CircuitBuilder(3, [1, 1])
      .gate("ry", [0], [theta])
      .gate("rz", [0], [phi])
      .h(1)
      .cx(1, 2)
      .cx(0, 1)
      .h(0)
      .measure(0, 0)
      .measure(1, 1)
      .gate("x", [2], [], { condition: ifBit(1) })
      .gate("z", [2], [], { condition: ifBit(0) })
      .build();
    const r = simulate(circuit, { shots: 400, seed: 7 });
    expect(r.perShot).toBe(true);
    expect(r.statevector).toBeNull();
    expect(r.statevectorNote).toBe(
      "the final state differs from shot to shot (mid-circuit measurement)",
    );
    // Every trajectory leaves qubit 2 in the teleported pure state, so the average is exact.
    expect(r.bloch[2].x).toBeCloseTo(Math.sin(theta) * Math.cos(phi), 12);
    expect(r.bloch[2].y).toBeCloseTo(Math.sin(theta) * Math.sin(phi), 12);
    expect(r.bloch[2].z).toBeCloseTo(Math.cos(theta), 12);
    // Alice's two bits are uniformly random: four outcomes, keys "c1 c0"
    expect(Object.keys(r.counts!).sort()).toEqual(["0 0", "0 1", "1 0", "1 1"]);
    expect(Object.values(r.counts!).reduce((a, b) => a + b, 0)).toBe(400);
  });

  it("Bell counts contain only 00 and 11", () => {
    const circuit = new CircuitBuilder(2, [2]).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
    const r = simulate(circuit, { shots: 1000, seed: 3 });
    expect(r.perShot).toBe(false);
    expect(Object.keys(r.counts!).sort()).toEqual(["00", "11"]);
    expect(r.counts!["00"] + r.counts!["11"]).toBe(1000);
    expect(r.probabilities).toEqual({
      "00": expect.closeTo(0.5, 12),
      "11": expect.closeTo(0.5, 12),
    });
  });
});
