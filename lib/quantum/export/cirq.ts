/**
 * Circuit → a Cirq script: `cirq.LineQubit.range(n)` sliced into the source's registers, one
 * operation per op, `.controlled(...)` for controls, `cirq.MatrixGate` for matrices, one
 * measurement key per classical bit and `.with_classical_controls(...)` for conditions.
 *
 * Cirq orders a multi-qubit matrix with its first qubit as the most significant bit, Ketbook the
 * other way round, so matrices are applied to their qubits in reverse; the final state is
 * printed with `qubit_order` reversed for the same reason.
 */
import type { Angle, AngleFunction } from "../angle";
import type { Circuit, GateOp, Op } from "../ir";
import { assertNever } from "../ir";
import { controlledForm, expandRelativePhaseToffoli } from "./controls";
import { formatAngle, formatNumber, refuseRunTimeClassical, unsupported } from "./format";
import { noiseNotExported } from "./noise";
import {
  gphaseAsPhaseGates,
  pyMatrix,
  pythonNames,
  registerVariable,
  resolveCondition,
} from "./python";
import { pythonAngle } from "./python-angle";

const FORMAT = "Cirq";

/** Base (uncontrolled) gates as Cirq gate expressions; `p` holds the formatted parameters. */
function baseGate(name: string, p: string[], needsHelper: () => void): string | null {
  switch (name) {
    case "id":
      return "cirq.I";
    case "x":
    case "y":
    case "z":
    case "h":
    case "s":
    case "t":
      return `cirq.${name.toUpperCase()}`;
    case "sdg":
      return "cirq.S**-1";
    case "tdg":
      return "cirq.T**-1";
    case "sx":
      return "cirq.X**0.5"; // XPowGate(0.5) = ½[[1+i, 1−i], [1−i, 1+i]], Qiskit's sx exactly
    case "sxdg":
      return "cirq.X**-0.5";
    case "rx":
    case "ry":
    case "rz":
      return `cirq.${name}(${p[0]})`;
    case "p":
    case "u1":
    case "phase":
      return `cirq.ZPowGate(exponent=(${p[0]}) / pi)`;
    case "u2":
      needsHelper();
      return `u(pi/2, ${p[0]}, ${p[1]})`;
    case "u3":
    case "u":
    case "U":
      needsHelper();
      return `u(${p.join(", ")})`;
    case "swap":
      return "cirq.SWAP";
    case "rxx":
      return `cirq.XXPowGate(exponent=(${p[0]}) / pi, global_shift=-0.5)`;
    case "rzz":
      return `cirq.ZZPowGate(exponent=(${p[0]}) / pi, global_shift=-0.5)`;
    default:
      return null;
  }
}

/** Named gates Cirq has as constants, used when no modifier is added. */
const DIRECT: Readonly<Record<string, string>> = {
  cx: "cirq.CNOT",
  CX: "cirq.CNOT",
  cz: "cirq.CZ",
  swap: "cirq.SWAP",
  ccx: "cirq.CCX",
  cswap: "cirq.CSWAP",
};

/** Gates written through the NumPy matrix helper `u`. */
const MATRIX_HELPER_GATES: ReadonlySet<string> = new Set(["u2", "u3", "u", "U"]);

/** sympy's spelling of an angle function. */
const SYMPY_FUNCTIONS: Readonly<Record<AngleFunction, string>> = {
  sin: "sin",
  cos: "cos",
  tan: "tan",
  arcsin: "asin",
  arccos: "acos",
  arctan: "atan",
  exp: "exp",
  ln: "log",
  sqrt: "sqrt",
};

const U_HELPER = [
  "def u(theta, phi, lam, gamma=0.0):",
  '    """e^{i·gamma}·U3(theta, phi, lam) with Qiskit\'s matrix (Cirq has no U3 with this phase)."""',
  "    c, s = np.cos(theta / 2), np.sin(theta / 2)",
  "    return cirq.MatrixGate(np.exp(1j * gamma) * np.array([",
  "        [c, -np.exp(1j * lam) * s],",
  "        [np.exp(1j * phi) * s, np.exp(1j * (phi + lam)) * c],",
  "    ]))",
];

export function exportCirq(circuit: Circuit): string {
  refuseRunTimeClassical(circuit, FORMAT);
  const taken = ["cirq", "np", "pi", "sympy", "qubits", "circuit", "result", "u", "keys", "counts"];
  const qNames = pythonNames(circuit.qregs, taken);
  const cNames = pythonNames(circuit.cregs, [...taken, ...qNames.values()]);
  const q = (i: number) => registerVariable(circuit, "q", qNames, i);
  const key = (clbit: number) =>
    JSON.stringify(registerVariable(circuit, "c", cNames, clbit).replace(/\[(\d+)\]$/, "_$1"));
  let usesHelper = false;
  let usesNumpy = false;
  let usesSympy = false;
  // A circuit compiled for rebinding keeps its inputs as sympy Symbols, resolved when it runs.
  const symbolic = circuit.ops.some(
    (op) => op.kind !== "measure" && "symbolic" in op && op.symbolic,
  );
  const symbolNames = pythonNames(circuit.inputs, [
    ...taken,
    "resolver",
    "columns",
    ...qNames.values(),
    ...cNames.values(),
  ]);
  const angleStyle = {
    parameter: (name: string) => symbolNames.get(name)!,
    call: (fn: AngleFunction, arg: string) => `sympy.${SYMPY_FUNCTIONS[fn]}(${arg})`,
  };
  const angleOf = (value: number, expression: Angle | undefined) =>
    expression === undefined ? formatAngle(value) : pythonAngle(expression, angleStyle);
  const needsHelper = () => {
    usesHelper = true;
    usesNumpy = true;
  };

  const gateOp = (op: GateOp): string[] => {
    if (op.name === "rccx" || op.name === "rc3x")
      return expandRelativePhaseToffoli(op).flatMap(gateOp);
    const values = op.controlStates.map(String);
    if (op.name === "unitary") {
      usesNumpy = true;
      const gate = `cirq.MatrixGate(${pyMatrix(op.matrix!)})`;
      const ctrl =
        op.controls.length > 0
          ? `.controlled(num_controls=${op.controls.length}, control_values=[${values}])`
          : "";
      const operands = [...op.controls, ...[...op.qubits].reverse()].map(q).join(", ");
      return [`${gate}${ctrl}.on(${operands})`];
    }
    const operands = [...op.controls, ...op.qubits].map(q).join(", ");
    if (op.controls.length === 0 && DIRECT[op.name]) return [`${DIRECT[op.name]}.on(${operands})`];
    const form = controlledForm(op);
    // The form keeps the gate's own parameters in order (cu moves only its fourth to `phase`).
    const params = form.params.map((p, i) => angleOf(p, op.symbolic?.[i]));
    if (op.symbolic && MATRIX_HELPER_GATES.has(form.base)) {
      // The helper builds a NumPy matrix, which a sympy Symbol cannot enter.
      throw unsupported(FORMAT, `\`${op.name}\` with an angle that depends on an input`, op);
    }
    let gate = baseGate(form.base, params, needsHelper);
    if (gate === null) throw unsupported(FORMAT, `unknown gate \`${op.name}\``, op);
    // cu = controlled e^{iγ}·U3: the phase goes into the helper's matrix before controlling it.
    if (form.phase !== 0) gate = `u(${[...params, formatAngle(form.phase)].join(", ")})`;
    // `cirq.X**0.5.on(q)` would bind `.on` to 0.5; parenthesise powers.
    if (gate.includes("**")) gate = `(${gate})`;
    const k = op.controls.length + form.controls;
    if (k === 0) return [`${gate}.on(${operands})`];
    const all = [...values, ...Array.from({ length: form.controls }, () => "1")];
    const ctrl = all.every((v) => v === "1")
      ? `.controlled(${k})`
      : `.controlled(num_controls=${k}, control_values=[${all}])`;
    return [`${gate}${ctrl}.on(${operands})`];
  };

  const statement = (op: Op): string[] => {
    switch (op.kind) {
      case "gate":
        return gateOp(op);
      case "gphase":
        if (op.symbolic) {
          throw unsupported(FORMAT, "a global phase that depends on an input", op);
        }
        if (op.controls.length > 0) return gphaseAsPhaseGates(op).flatMap(gateOp);
        usesNumpy = true;
        return [`cirq.global_phase_operation(np.exp(1j * ${formatAngle(op.angle)}))`];
      case "measure":
        return [`cirq.measure(${q(op.qubit)}, key=${key(op.clbit)})`];
      case "reset":
        return [`cirq.reset(${q(op.qubit)})`];
      case "barrier":
        return [];
      case "classical":
        throw unsupported(FORMAT, `run-time classical computation (\`${op.label}\`)`, op);
      default:
        return assertNever(op, "op");
    }
  };

  const body: string[] = [];
  const measured = new Set<number>();
  for (const op of circuit.ops) {
    if (op.kind === "barrier") {
      body.push(
        `# barrier ${op.qubits.map(q).join(", ")} (Cirq has none; nothing to do in simulation)`,
      );
      continue;
    }
    let ops = statement(op);
    if (op.condition) {
      const resolved = resolveCondition(op.condition, measured);
      if (resolved.kind === "never") {
        body.push(
          `# skipped: \`${op.condition.label}\` can never hold here (its bits are not measured yet)`,
        );
        continue;
      }
      if (resolved.kind === "test") {
        const single = resolved.terms.length === 1 && resolved.value === 1;
        let control: string;
        if (single) control = key(resolved.terms[0].clbit);
        else {
          usesSympy = true;
          const sum = resolved.terms
            .map((t) => `${t.weight} * sympy.Symbol(${key(t.clbit)})`)
            .join(" + ");
          control = `cirq.SympyCondition(sympy.Eq(${sum}, ${resolved.value}))`;
        }
        ops = ops.map((text) => `${text}.with_classical_controls(${control})`);
      }
    }
    if (op.kind === "measure") measured.add(op.clbit);
    body.push(...ops.map((text) => `circuit.append(${text})`));
  }

  const head = ["from math import pi", "", "import cirq"];
  if (measured.size > 0) head.unshift("import collections");
  if (usesNumpy) head.push("import numpy as np");
  if (usesSympy || symbolic) head.push("import sympy");
  head.push("");
  if (usesHelper) head.push(...U_HELPER, "");
  if (symbolic) {
    head.push(
      "# The cell's inputs (its sliders) as symbols; the resolver gives them their values.",
      ...circuit.inputs.map(
        (i) => `${symbolNames.get(i.name)} = sympy.Symbol(${JSON.stringify(i.name)})`,
      ),
      `resolver = cirq.ParamResolver({${circuit.inputs.map((i) => `${JSON.stringify(i.name)}: ${formatNumber(i.value)}`).join(", ")}})`,
      "",
    );
  } else if (circuit.inputs.length > 0) {
    head.push(
      `# inputs bound at export: ${circuit.inputs.map((i) => `${i.name} = ${i.value}`).join(", ")}`,
    );
  }
  head.push(...noiseNotExported(circuit, "Cirq"));
  head.push(`qubits = cirq.LineQubit.range(${circuit.numQubits})`);
  for (const reg of circuit.qregs) {
    head.push(`${qNames.get(reg.name)} = qubits[${reg.offset}:${reg.offset + reg.size}]`);
  }
  head.push("circuit = cirq.Circuit()", "");

  const measuredBits = [...measured].sort((a, b) => b - a);
  const resolve = symbolic ? "param_resolver=resolver, " : "";
  const tail =
    measuredBits.length > 0
      ? [
          "",
          "# Run it. Counts keyed like Ketbook: highest classical bit first (unmeasured bits left out).",
          `keys = [${measuredBits.map(key).join(", ")}]`,
          `result = cirq.Simulator(seed=1234).run(circuit, ${resolve}repetitions=1024)`,
          "# records[key]: one row per repetition, one entry per time the key was measured; the last counts.",
          "columns = [result.records[k][:, -1, 0] for k in keys]",
          'counts = collections.Counter("".join(str(bit) for bit in row) for row in zip(*columns))',
          "print(dict(counts))",
        ]
      : [
          "",
          "# The final state; reversing the qubit order makes qubit 0 the least significant bit, as in Ketbook.",
          `print(cirq.final_state_vector(circuit, ${resolve}qubit_order=qubits[::-1]))`,
        ];
  const expectations = circuit.expectations.map((e) => `# expectation requested: ${e.observable}`);
  return [...head, ...body, ...expectations, ...tail].join("\n") + "\n";
}
