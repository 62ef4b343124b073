/**
 * The gate library as data: for every gate in GATE_CATALOG, how many leading operands are
 * controls, the matrix on the remaining (target) operands, and a kind tag the kernels use to
 * pick a specialised loop. Nothing here touches a state vector.
 *
 * Matrices follow Qiskit's definitions exactly (including global phases, which matter once a
 * gate is controlled): bit j of a matrix index is operand j, operand 0 the least significant.
 * rccx and rc3x have no tidy closed form, so they are composed from their qelib1.inc
 * decompositions once, on first use.
 */
import { GATES_BY_NAME } from "./gate-catalog";
import type { Matrix } from "./ir";
import { QuantumError } from "./errors";
import {
  clean,
  controlled,
  embed,
  expi,
  fromRows,
  identity,
  isDiagonal,
  isMonomial,
  multiply,
  scale,
} from "./complex-matrix";

/**
 * - "diagonal": only phases, no amplitude moves between basis states (z, s, t, rz, p, rzz, …)
 * - "permutation": each basis state goes to exactly one other, with a phase (x, y, swap, rccx, …)
 * - "general": anything else (h, rx, u3, rxx, …)
 */
export type GateKind = "diagonal" | "permutation" | "general";

export interface GateSpec {
  readonly name: string;
  /** Leading operands that are controls (state 1); the target matrix acts on the rest. */
  readonly controls: number;
  readonly target: Matrix;
  readonly kind: GateKind;
}

const S2 = Math.SQRT1_2;

/** Qiskit's U(θ,φ,λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]]. */
function u3(theta: number, phi: number, lambda: number): Matrix {
  const c = Math.cos(theta / 2);
  const s = Math.sin(theta / 2);
  const [lr, li] = expi(lambda);
  const [pr, pi] = expi(phi);
  const [plr, pli] = expi(phi + lambda);
  return fromRows([
    [c, [-lr * s, -li * s]],
    [
      [pr * s, pi * s],
      [plr * c, pli * c],
    ],
  ]);
}

const phase = (lambda: number): Matrix =>
  fromRows([
    [1, 0],
    [0, expi(lambda)],
  ]);
const rx = (t: number): Matrix =>
  fromRows([
    [Math.cos(t / 2), [0, -Math.sin(t / 2)]],
    [[0, -Math.sin(t / 2)], Math.cos(t / 2)],
  ]);
const ry = (t: number): Matrix =>
  fromRows([
    [Math.cos(t / 2), -Math.sin(t / 2)],
    [Math.sin(t / 2), Math.cos(t / 2)],
  ]);
const rz = (t: number): Matrix =>
  fromRows([
    [expi(-t / 2), 0],
    [0, expi(t / 2)],
  ]);

const X = fromRows([
  [0, 1],
  [1, 0],
]);
const Y = fromRows([
  [0, [0, -1]],
  [[0, 1], 0],
]);
const Z = fromRows([
  [1, 0],
  [0, -1],
]);
const H = fromRows([
  [S2, S2],
  [S2, -S2],
]);
const SX = fromRows([
  [
    [0.5, 0.5],
    [0.5, -0.5],
  ],
  [
    [0.5, -0.5],
    [0.5, 0.5],
  ],
]);
const SXDG = fromRows([
  [
    [0.5, -0.5],
    [0.5, 0.5],
  ],
  [
    [0.5, 0.5],
    [0.5, -0.5],
  ],
]);
const SWAP = fromRows([
  [1, 0, 0, 0],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
]);

/** exp(−iθ X⊗X/2) = cos(θ/2)·I − i·sin(θ/2)·X⊗X. */
function rxx(t: number): Matrix {
  const c = Math.cos(t / 2);
  const ms: [number, number] = [0, -Math.sin(t / 2)];
  return fromRows([
    [c, 0, 0, ms],
    [0, c, ms, 0],
    [0, ms, c, 0],
    [ms, 0, 0, c],
  ]);
}

/** exp(−iθ Z⊗Z/2): e^{−iθ/2} on even parity, e^{+iθ/2} on odd parity. */
function rzz(t: number): Matrix {
  const even = expi(-t / 2);
  const odd = expi(t / 2);
  return fromRows([
    [even, 0, 0, 0],
    [0, odd, 0, 0],
    [0, 0, odd, 0],
    [0, 0, 0, even],
  ]);
}

type Step = readonly [Matrix, readonly number[]];

/** Multiplies out a gate sequence on `width` qubits (first step applied first). */
function compose(width: number, steps: readonly Step[]): Matrix {
  let m = identity(1 << width);
  for (const [g, operands] of steps) m = multiply(embed(g, operands, width), m);
  return clean(m);
}

const CX = controlled(X, 1);
const u2 = (phi: number, lambda: number): Matrix => u3(Math.PI / 2, phi, lambda);

/** qelib1.inc: gate rccx a,b,c { u2(0,pi) c; u1(pi/4) c; cx b,c; u1(-pi/4) c; cx a,c; … } */
function buildRccx(): Matrix {
  const [a, b, c] = [0, 1, 2];
  const t = phase(Math.PI / 4);
  const tdg = phase(-Math.PI / 4);
  const h = u2(0, Math.PI);
  return compose(3, [
    [h, [c]],
    [t, [c]],
    [CX, [b, c]],
    [tdg, [c]],
    [CX, [a, c]],
    [t, [c]],
    [CX, [b, c]],
    [tdg, [c]],
    [h, [c]],
  ]);
}

/** qelib1.inc: gate rc3x a,b,c,d { u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; … } */
function buildRc3x(): Matrix {
  const [a, b, c, d] = [0, 1, 2, 3];
  const t = phase(Math.PI / 4);
  const tdg = phase(-Math.PI / 4);
  const h = u2(0, Math.PI);
  return compose(4, [
    [h, [d]],
    [t, [d]],
    [CX, [c, d]],
    [tdg, [d]],
    [h, [d]],
    [CX, [a, d]],
    [t, [d]],
    [CX, [b, d]],
    [tdg, [d]],
    [CX, [a, d]],
    [t, [d]],
    [CX, [b, d]],
    [tdg, [d]],
    [h, [d]],
    [t, [d]],
    [CX, [c, d]],
    [tdg, [d]],
    [h, [d]],
  ]);
}

interface Definition {
  readonly controls: number;
  readonly build: (p: readonly number[]) => Matrix;
}

const fixed = (m: Matrix, controls = 0): Definition => ({ controls, build: () => m });
const lazy = (make: () => Matrix): Definition => {
  let cached: Matrix | undefined;
  return { controls: 0, build: () => (cached ??= make()) };
};

const DEFINITIONS: ReadonlyMap<string, Definition> = new Map<string, Definition>([
  ["U", { controls: 0, build: (p) => u3(p[0], p[1], p[2]) }],
  ["u3", { controls: 0, build: (p) => u3(p[0], p[1], p[2]) }],
  ["u", { controls: 0, build: (p) => u3(p[0], p[1], p[2]) }],
  ["u2", { controls: 0, build: (p) => u2(p[0], p[1]) }],
  ["u1", { controls: 0, build: (p) => phase(p[0]) }],
  ["p", { controls: 0, build: (p) => phase(p[0]) }],
  ["phase", { controls: 0, build: (p) => phase(p[0]) }],
  ["id", fixed(identity(2))],
  ["x", fixed(X)],
  ["y", fixed(Y)],
  ["z", fixed(Z)],
  ["h", fixed(H)],
  ["s", fixed(phase(Math.PI / 2))],
  ["sdg", fixed(phase(-Math.PI / 2))],
  ["t", fixed(phase(Math.PI / 4))],
  ["tdg", fixed(phase(-Math.PI / 4))],
  ["sx", fixed(SX)],
  ["sxdg", fixed(SXDG)],
  ["rx", { controls: 0, build: (p) => rx(p[0]) }],
  ["ry", { controls: 0, build: (p) => ry(p[0]) }],
  ["rz", { controls: 0, build: (p) => rz(p[0]) }],
  ["CX", fixed(X, 1)],
  ["cx", fixed(X, 1)],
  ["cy", fixed(Y, 1)],
  ["cz", fixed(Z, 1)],
  ["ch", fixed(H, 1)],
  ["swap", fixed(SWAP)],
  ["ccx", fixed(X, 2)],
  ["cswap", fixed(SWAP, 1)],
  ["crx", { controls: 1, build: (p) => rx(p[0]) }],
  ["cry", { controls: 1, build: (p) => ry(p[0]) }],
  ["crz", { controls: 1, build: (p) => rz(p[0]) }],
  ["cu1", { controls: 1, build: (p) => phase(p[0]) }],
  ["cp", { controls: 1, build: (p) => phase(p[0]) }],
  ["cphase", { controls: 1, build: (p) => phase(p[0]) }],
  ["cu3", { controls: 1, build: (p) => u3(p[0], p[1], p[2]) }],
  ["csx", fixed(SX, 1)],
  // Qiskit's CUGate: the γ phase sits on the target block only, so it is observable.
  ["cu", { controls: 1, build: (p) => scale(u3(p[0], p[1], p[2]), ...expi(p[3])) }],
  ["rxx", { controls: 0, build: (p) => rxx(p[0]) }],
  ["rzz", { controls: 0, build: (p) => rzz(p[0]) }],
  ["rccx", lazy(buildRccx)],
  ["rc3x", lazy(buildRc3x)],
  ["c3x", fixed(X, 3)],
  ["c3sqrtx", fixed(SX, 3)],
  ["c4x", fixed(X, 4)],
]);

/** Names that have a definition here (a test checks this equals GATE_CATALOG). */
export const DEFINED_GATES: readonly string[] = [...DEFINITIONS.keys()];

export function classify(m: Matrix): GateKind {
  if (isDiagonal(m)) return "diagonal";
  if (isMonomial(m)) return "permutation";
  return "general";
}

const specCache = new Map<string, GateSpec>();

/**
 * The gate as data. Throws QuantumError "semantic" for a name not in the catalog or the wrong
 * number of parameters (the front end checks this too; the engine must not trust its input).
 */
export function gateSpec(name: string, params: readonly number[]): GateSpec {
  const signature = GATES_BY_NAME.get(name);
  const definition = DEFINITIONS.get(name);
  if (!signature || !definition) {
    throw new QuantumError("semantic", `the simulator has no gate named "${name}"`);
  }
  if (params.length !== signature.params.length) {
    throw new QuantumError(
      "semantic",
      `gate "${name}" takes ${signature.params.length} parameter(s), got ${params.length}`,
    );
  }
  for (const p of params) {
    if (!Number.isFinite(p)) {
      throw new QuantumError("semantic", `gate "${name}" got a non-finite parameter (${p})`);
    }
  }
  if (params.length === 0) {
    const hit = specCache.get(name);
    if (hit) return hit;
  } else if (params.length === 1) {
    const hit = angleSpecs.get(name)?.get(params[0]);
    if (hit && Object.is(hit.params[0], params[0])) return hit.spec;
  } else {
    // Planning asks for the same op's spec several times (lazy qubits, fusion, planning), and
    // circuits repeat angles: the last spec built per name is reused when the values match.
    const last = lastSpec.get(name);
    if (last && sameValues(last.params, params)) return last.spec;
  }
  const target = definition.build(params);
  const spec: GateSpec = { name, controls: definition.controls, target, kind: classify(target) };
  if (params.length === 0) specCache.set(name, spec);
  else {
    const entry = { params: Float64Array.from(params), spec };
    if (params.length > 1) lastSpec.set(name, entry);
    else {
      let byAngle = angleSpecs.get(name);
      if (!byAngle) angleSpecs.set(name, (byAngle = new Map()));
      if (byAngle.size >= MAX_ANGLES_PER_GATE) byAngle.clear();
      byAngle.set(params[0], entry);
    }
  }
  return spec;
}

/** One-parameter gates by angle (a QFT's cp angles, a layer's repeated rz), bounded per name. */
const MAX_ANGLES_PER_GATE = 256;
const angleSpecs = new Map<string, Map<number, { params: Float64Array; spec: GateSpec }>>();
const lastSpec = new Map<string, { params: Float64Array; spec: GateSpec }>();

function sameValues(a: Float64Array, b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const fullMatrices = new WeakMap<GateSpec, Matrix>();

/**
 * Full matrix of a catalog gate including its own controls: bit j of the index is operand j
 * (operand 0 least significant), so for `cx` (operands [control, target]) the control is bit 0.
 */
export function gateMatrix(name: string, params: readonly number[]): Matrix {
  const spec = gateSpec(name, params);
  if (spec.controls === 0) return spec.target;
  let full = fullMatrices.get(spec);
  if (!full) fullMatrices.set(spec, (full = controlled(spec.target, spec.controls)));
  return full;
}
