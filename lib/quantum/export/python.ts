/**
 * What the Python exporters (Qiskit, PennyLane, Cirq, Braket) share: safe variable names for
 * registers, complex and matrix literals, and one IR rewrite for frameworks whose controlled
 * global phase is awkward (a controlled gphase is a phase gate on its last control).
 */
import type { Circuit, Condition, GateOp, GlobalPhaseOp, Matrix } from "../ir";
import { formatNumber, locate } from "./format";

const PY_KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while " +
    "with yield print range len list dict set int float complex abs"
  ).split(" "),
);

/** A Python identifier for each register, avoiding keywords and the names the script uses. */
export function pythonNames(
  registers: readonly { name: string }[],
  taken: readonly string[],
): Map<string, string> {
  const used = new Set(taken);
  const names = new Map<string, string>();
  for (const { name } of registers) {
    let candidate = name.replace(/[^A-Za-z0-9_]/g, "_");
    if (/^[0-9]/.test(candidate)) candidate = `_${candidate}`;
    while (PY_KEYWORDS.has(candidate) || used.has(candidate)) candidate = `${candidate}_`;
    used.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

export function pyComplex(re: number, im: number): string {
  if (im === 0) return formatNumber(re);
  return `complex(${formatNumber(re)}, ${formatNumber(im)})`;
}

/** `np.array([[...], ...])`, one row per line, indented by `indent`. */
export function pyMatrix(matrix: Matrix, indent = ""): string {
  const rows: string[] = [];
  for (let r = 0; r < matrix.dim; r++) {
    const cells: string[] = [];
    for (let c = 0; c < matrix.dim; c++) {
      const k = r * matrix.dim + c;
      cells.push(pyComplex(matrix.re[k], matrix.im[k]));
    }
    rows.push(`${indent}    [${cells.join(", ")}],`);
  }
  return `np.array([\n${rows.join("\n")}\n${indent}])`;
}

/** Python string literal. */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/**
 * A controlled global phase e^{iθ} = a phase gate p(θ) on its last control, controlled by the
 * others; a negated last control is written as X before and after. The ops keep the source
 * location and condition of the original.
 */
export function gphaseAsPhaseGates(op: GlobalPhaseOp): GateOp[] {
  const n = op.controls.length;
  const last = op.controls[n - 1];
  const base = { loc: op.loc, condition: op.condition, params: [] as number[], controls: [] };
  const phase: GateOp = {
    ...base,
    kind: "gate",
    name: "p",
    params: [op.angle],
    qubits: [last],
    controls: op.controls.slice(0, -1),
    controlStates: op.controlStates.slice(0, -1),
  };
  if (op.controlStates[n - 1] === 1) return [phase];
  const flip: GateOp = { ...base, kind: "gate", name: "x", qubits: [last], controlStates: [] };
  return [flip, phase, flip];
}

/** `q[2]`-style Python expression for a global qubit (`kind` "q") or clbit ("c") index. */
export function registerVariable(
  circuit: Circuit,
  kind: "q" | "c",
  names: Map<string, string>,
  index: number,
): string {
  const { register, local } = locate(kind === "q" ? circuit.qregs : circuit.cregs, index);
  return `${names.get(register.name)}[${local}]`;
}

/**
 * A condition over clbits restricted to those measured before it: bits never written read 0,
 * so they drop out, and the condition may turn out to be always true or never true. Frameworks
 * whose classical values only come from measurements (Cirq keys, PennyLane mid-circuit values)
 * can only name measured bits.
 */
export type ResolvedCondition =
  | { readonly kind: "always" }
  | { readonly kind: "never" }
  | {
      readonly kind: "test";
      /** Measured clbits with their weight in the integer the condition compares. */
      readonly terms: readonly { readonly clbit: number; readonly weight: number }[];
      readonly value: number;
    };

export function resolveCondition(
  condition: Condition,
  measured: ReadonlySet<number>,
): ResolvedCondition {
  const terms: { clbit: number; weight: number }[] = [];
  let unmeasuredValue = 0;
  condition.clbits.forEach((clbit, i) => {
    const weight = 2 ** i;
    if (measured.has(clbit)) terms.push({ clbit, weight });
    else unmeasuredValue += Math.floor(condition.value / weight) % 2 === 1 ? weight : 0;
  });
  if (unmeasuredValue !== 0) return { kind: "never" };
  if (terms.length === 0) return condition.value === 0 ? { kind: "always" } : { kind: "never" };
  const value = terms.reduce(
    (acc, t) => acc + (Math.floor(condition.value / t.weight) % 2 === 1 ? t.weight : 0),
    0,
  );
  if (value !== condition.value) return { kind: "never" };
  return { kind: "test", terms, value };
}
