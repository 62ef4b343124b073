/**
 * Gradients on random parameterised circuits: one fixture (the same seeded programs) looped over
 * every method — adjoint, parameter shift, finite differences and the dense reference — each
 * compared with the dense reference's own finite differences; plus rebinding, which must give
 * exactly the circuit and state of compiling with the values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import {
  compileParametric,
  expectations,
  gradient,
  gradientsBatch,
  expectationsBatch,
  type GradientMethod,
} from "@/lib/quantum/diff";
import { simulate, finalState } from "@/lib/quantum/simulate";
import { denseExpectations, denseGradients } from "./dense";
import { randomProgram, randomValues, type RandomProgram } from "./random-programs";

const SEED = 20261;
const RUNS = 40;

interface Method {
  readonly name: string;
  readonly tolerance: number;
  gradients(p: RandomProgram): { values: number[]; gradients: number[][] };
}

const engine = (method: GradientMethod): Method => ({
  name: method,
  tolerance: 1e-6,
  gradients: (p) => gradient(compileParametric(p.source), p.values, p.observables, { method }),
});

const METHODS: readonly Method[] = [
  engine("adjoint"),
  engine("shift"),
  engine("finite-difference"),
  {
    name: "dense reference with a smaller step",
    tolerance: 1e-5,
    gradients: (p) => ({
      values: denseExpectations(compile(source(p), { params: named(p) }), p.observables),
      gradients: denseGradients(p.source, p.inputs, p.values, p.observables, 1e-4),
    }),
  },
];

const source = (p: RandomProgram) => p.source;
const named = (p: RandomProgram) => Object.fromEntries(p.inputs.map((n, i) => [n, p.values[i]]));

/** The dense reference's answer per program, computed once and shared by every method. */
const references = new Map<string, { values: number[]; gradients: number[][] }>();
function reference(p: RandomProgram) {
  const key = `${p.source}|${p.values.join(",")}|${p.observables.join(";")}`;
  let hit = references.get(key);
  if (hit === undefined) {
    hit = {
      values: denseExpectations(compile(p.source, { params: named(p) }), p.observables),
      gradients: denseGradients(p.source, p.inputs, p.values, p.observables),
    };
    references.set(key, hit);
  }
  return hit;
}

function expectClose(actual: number[][], expected: number[][], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, m) =>
    row.forEach((x, j) => {
      const error = Math.abs(x - expected[m][j]);
      if (!(error <= tolerance)) {
        throw new Error(`d<H${m}>/dθ${j}: ${x} vs ${expected[m][j]} (error ${error})`);
      }
    }),
  );
}

describe.each(METHODS)("gradients by $name", (method) => {
  it("equal the dense reference on random circuits (1-5 qubits, 1-4 inputs)", () => {
    fc.assert(
      fc.property(randomProgram(), (p) => {
        const expected = reference(p);
        const actual = method.gradients(p);
        expectClose([actual.values], [expected.values], 1e-10);
        expectClose(actual.gradients, expected.gradients, method.tolerance);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe("exact methods agree with each other", () => {
  it("adjoint and parameter shift agree to 1e-10", () => {
    fc.assert(
      fc.property(randomProgram(14), (p) => {
        const pc = compileParametric(p.source);
        const a = gradient(pc, p.values, p.observables, { method: "adjoint" });
        const s = gradient(pc, p.values, p.observables, { method: "shift" });
        expectClose(a.gradients, s.gradients, 1e-10);
      }),
      { numRuns: 100 },
    );
  });
});

describe("rebinding", () => {
  it("gives exactly the circuit and the state of compiling with the values", () => {
    fc.assert(
      fc.property(randomProgram(14), randomValues(4), (p, others) => {
        const pc = compileParametric(p.source);
        for (const values of [p.values, others.slice(0, p.inputs.length)]) {
          const params = Object.fromEntries(p.inputs.map((n, i) => [n, values[i]]));
          const direct = compile(p.source, { params });
          const bound = pc.bind(params);
          expect(bound).toEqual(direct);
          expect(finalState(bound).amps).toEqual(finalState(direct).amps);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("evaluates the same expectation values as simulating the compiled circuit", () => {
    fc.assert(
      fc.property(randomProgram(14), (p) => {
        const pc = compileParametric(p.source);
        const fast = expectations(pc, p.values, p.observables);
        const result = simulate(compile(p.source, { params: named(p) }), {
          shots: 0,
          observables: [...p.observables],
        });
        fast.forEach((v, m) => expect(v).toBeCloseTo(result.expectations[m].value, 12));
      }),
      { numRuns: 100 },
    );
  });

  it("batches evaluate each value set as a single call would", () => {
    fc.assert(
      fc.property(
        randomProgram(8),
        fc.array(randomValues(4), { minLength: 1, maxLength: 5 }),
        (p, sets) => {
          const pc = compileParametric(p.source);
          const points = sets.map((s) => s.slice(0, p.inputs.length));
          const batch = expectationsBatch(pc, points, p.observables);
          const grads = gradientsBatch(pc, points, p.observables);
          points.forEach((x, i) => {
            const fresh = compileParametric(p.source);
            expect(batch[i]).toEqual(expectations(fresh, x, p.observables));
            expect(grads[i]).toEqual(gradient(fresh, x, p.observables));
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
