/**
 * Catalog gates seen as "controls + a base gate": cx is one control on x, ccx two, cu3 one on
 * u3, cu one on e^{iγ}·u3. Exporters whose target has only a few controlled forms use this to
 * rebuild any number of controls from what the target has.
 */
import type { GateOp } from "../ir";

export interface ControlledForm {
  /** Base gate (a single-qubit catalog gate, or swap) acting on the last operands. */
  readonly base: string;
  readonly params: readonly number[];
  /** How many leading operands of the named gate are controls. */
  readonly controls: number;
  /** Extra phase e^{iγ} on the controlled subspace (only cu has one). */
  readonly phase: number;
}

const CONTROLLED: Readonly<Record<string, { base: string; controls: number }>> = {
  CX: { base: "x", controls: 1 },
  cx: { base: "x", controls: 1 },
  cy: { base: "y", controls: 1 },
  cz: { base: "z", controls: 1 },
  ch: { base: "h", controls: 1 },
  ccx: { base: "x", controls: 2 },
  c3x: { base: "x", controls: 3 },
  c4x: { base: "x", controls: 4 },
  cswap: { base: "swap", controls: 1 },
  crx: { base: "rx", controls: 1 },
  cry: { base: "ry", controls: 1 },
  crz: { base: "rz", controls: 1 },
  cu1: { base: "u1", controls: 1 },
  cp: { base: "p", controls: 1 },
  cphase: { base: "phase", controls: 1 },
  cu3: { base: "u3", controls: 1 },
  csx: { base: "sx", controls: 1 },
  c3sqrtx: { base: "sx", controls: 3 },
};

/** The op's named gate as controls + base; gates without own controls have `controls: 0`. */
export function controlledForm(op: Pick<GateOp, "name" | "params">): ControlledForm {
  if (op.name === "cu") {
    const [theta = 0, phi = 0, lambda = 0, gamma = 0] = op.params;
    return { base: "u3", params: [theta, phi, lambda], controls: 1, phase: gamma };
  }
  const entry = CONTROLLED[op.name];
  if (entry) return { base: entry.base, params: op.params, controls: entry.controls, phase: 0 };
  return { base: op.name, params: op.params, controls: 0, phase: 0 };
}

/** One gate application in a decomposition: a catalog gate on qubits, no extra controls. */
export interface BasicGate {
  readonly name: string;
  readonly params: readonly number[];
  readonly qubits: readonly number[];
}

const PI = Math.PI;

/**
 * Qiskit's qelib1.inc bodies of the two relative-phase Toffolis. They *are* the definitions of
 * these gates (their matrices are derived from them), so distributing controls over them is exact.
 */
export function relativePhaseToffoli(name: "rccx" | "rc3x", q: readonly number[]): BasicGate[] {
  const g = (n: string, params: number[], ...qubits: number[]): BasicGate => ({
    name: n,
    params,
    qubits,
  });
  if (name === "rccx") {
    const [a, b, t] = q;
    return [
      g("u2", [0, PI], t),
      g("u1", [PI / 4], t),
      g("cx", [], b, t),
      g("u1", [-PI / 4], t),
      g("cx", [], a, t),
      g("u1", [PI / 4], t),
      g("cx", [], b, t),
      g("u1", [-PI / 4], t),
      g("u2", [0, PI], t),
    ];
  }
  const [a, b, cc, d] = q;
  return [
    g("u2", [0, PI], d),
    g("u1", [PI / 4], d),
    g("cx", [], cc, d),
    g("u1", [-PI / 4], d),
    g("u2", [0, PI], d),
    g("cx", [], a, d),
    g("u1", [PI / 4], d),
    g("cx", [], b, d),
    g("u1", [-PI / 4], d),
    g("cx", [], a, d),
    g("u1", [PI / 4], d),
    g("cx", [], b, d),
    g("u1", [-PI / 4], d),
    g("u2", [0, PI], d),
    g("u1", [PI / 4], d),
    g("cx", [], cc, d),
    g("u1", [-PI / 4], d),
    g("u2", [0, PI], d),
  ];
}

/** An rccx/rc3x op as its qelib1 body, every piece keeping the op's extra controls. */
export function expandRelativePhaseToffoli(op: GateOp): GateOp[] {
  const name = op.name === "rccx" ? "rccx" : "rc3x";
  return relativePhaseToffoli(name, op.qubits).map((piece) => ({
    ...op,
    name: piece.name,
    params: piece.params,
    qubits: piece.qubits,
    definedIn: op.definedIn ?? op.name,
  }));
}
