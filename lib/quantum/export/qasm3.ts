/**
 * Circuit → OpenQASM 3.0 with stdgates.inc. OpenQASM 3 says almost everything the IR holds
 * directly (`ctrl @`, `negctrl @`, `gphase`, `if`); qelib1 gates that stdgates.inc lacks get an
 * exact `gate` definition in the header, and a `unitary` op becomes a `gate` whose body is its
 * exact decomposition (unitary-synthesis.ts).
 */
import type { Angle, AngleFunction } from "../angle";
import type { Circuit, GateOp, GlobalPhaseOp, Op } from "../ir";
import { assertNever } from "../ir";
import {
  clbitName,
  conditionShape,
  formatAngle,
  formatNumber,
  qubitName,
  refuseRunTimeClassical,
  unsupported,
} from "./format";
import { noisePragmaLines } from "./noise";
import { pythonAngle } from "./python-angle";
import { eulerAngles } from "./su2";
import { synthesizeUnitary, type SynthGate } from "./unitary-synthesis";

const FORMAT = "OpenQASM 3";

/**
 * Exact OpenQASM 3 definitions of the qelib1 gates that stdgates.inc does not have. rccx and
 * rc3x are Qiskit's qelib1 bodies verbatim (those bodies define the gates); the others are
 * written with modifiers so that no global phase is lost when they are controlled later.
 */
const EXTRA_GATES: Readonly<Record<string, string>> = {
  u: "gate u(theta, phi, lambda) q { U(theta, phi, lambda) q; }",
  sxdg: "gate sxdg a { inv @ sx a; }",
  cu3: "gate cu3(theta, phi, lambda) c, t { ctrl @ U(theta, phi, lambda) c, t; }",
  csx: "gate csx c, t { ctrl @ sx c, t; }",
  rzz: "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
  rxx: "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
  rccx: [
    "gate rccx a, b, c {",
    "  u2(0, pi) c; u1(pi/4) c; cx b, c; u1(-pi/4) c; cx a, c;",
    "  u1(pi/4) c; cx b, c; u1(-pi/4) c; u2(0, pi) c;",
    "}",
  ].join("\n"),
  rc3x: [
    "gate rc3x a, b, c, d {",
    "  u2(0, pi) d; u1(pi/4) d; cx c, d; u1(-pi/4) d; u2(0, pi) d;",
    "  cx a, d; u1(pi/4) d; cx b, d; u1(-pi/4) d; cx a, d; u1(pi/4) d; cx b, d; u1(-pi/4) d;",
    "  u2(0, pi) d; u1(pi/4) d; cx c, d; u1(-pi/4) d; u2(0, pi) d;",
    "}",
  ].join("\n"),
  c3x: "gate c3x a, b, c, d { ctrl(3) @ x a, b, c, d; }",
  c3sqrtx: "gate c3sqrtx a, b, c, d { ctrl(3) @ sx a, b, c, d; }",
  c4x: "gate c4x a, b, c, d, e { ctrl(4) @ x a, b, c, d, e; }",
};

/**
 * Names written differently in OpenQASM 3: CX is version 2's builtin, and the specification's
 * stdgates.inc has no cu1 (its cp is the same gate), so other tools can read the output too.
 */
const QASM3_NAMES: Readonly<Record<string, string>> = { CX: "cx", cu1: "cp" };

/**
 * An angle that depends on the cell's inputs, in OpenQASM 3's own expression syntax (the same
 * operators and calls as Python's). Its natural logarithm is `log`, which the engine does not
 * read yet, so an `ln` of an input is refused and the export falls back to bound values.
 */
const INPUT_ANGLES = {
  parameter: (name: string) => name,
  call: (fn: AngleFunction, arg: string): string => {
    if (fn === "ln") throw unsupported(FORMAT, "`ln` of an input");
    return `${fn}(${arg})`;
  },
};

type AngleWriter = (value: number, expression: Angle | undefined) => string;

const writeAngle: AngleWriter = (value, expression) =>
  expression === undefined ? formatAngle(value) : pythonAngle(expression, INPUT_ANGLES);

export function exportQasm3(circuit: Circuit): string {
  refuseRunTimeClassical(circuit, FORMAT);
  const definitions: string[] = [];
  const defined = new Set<string>();
  const body: string[] = [];
  let unitaries = 0;

  const gateName = (op: GateOp): string => {
    if (op.name === "unitary") {
      const name = `unitary_${++unitaries}`;
      definitions.push(unitaryDefinition(name, op));
      return name;
    }
    const extra = EXTRA_GATES[op.name];
    if (extra && !defined.has(op.name)) {
      defined.add(op.name);
      definitions.push(extra);
    }
    return QASM3_NAMES[op.name] ?? op.name;
  };

  for (const op of circuit.ops) {
    const statement = renderOp(circuit, op, gateName, writeAngle);
    body.push(op.condition ? `${conditionHead(circuit, op)} { ${statement} }` : statement);
  }

  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";'];
  // A circuit compiled for rebinding keeps its inputs: the output is a cell with sliders again.
  const symbolic = circuit.ops.some(
    (op) => op.kind !== "measure" && "symbolic" in op && op.symbolic,
  );
  if (symbolic) {
    const values = circuit.inputs.map((i) => `${i.name} = ${formatNumber(i.value)}`).join(", ");
    lines.push(`// inputs, exported at ${values}`);
    lines.push(...inputDeclarations(circuit.inputs.map((i) => i.name)));
  } else if (circuit.inputs.length > 0) {
    const bound = circuit.inputs.map((i) => `${i.name} = ${i.value}`).join(", ");
    lines.push(`// inputs bound at export: ${bound}`);
  }
  // One push per line: spreading a 100 000-line body into push() overflows the call stack.
  for (const definition of definitions) lines.push(definition);
  for (const reg of circuit.qregs) lines.push(`qubit[${reg.size}] ${reg.name};`);
  for (const reg of circuit.cregs) lines.push(`bit[${reg.size}] ${reg.name};`);
  for (const request of circuit.expectations) lines.push(`#pragma expect ${request.observable}`);
  for (const pragma of noisePragmaLines(circuit)) lines.push(pragma);
  for (const statement of body) lines.push(statement);
  return lines.join("\n") + "\n";
}

function conditionHead(circuit: Circuit, op: Op): string {
  const condition = op.condition!;
  const shape = conditionShape(circuit, condition);
  if (!shape) {
    throw unsupported(
      FORMAT,
      `a condition on several bits of a register (\`${condition.label}\`) cannot be written`,
      op,
    );
  }
  return shape.kind === "register"
    ? `if (${shape.register.name} == ${shape.value})`
    : `if (${shape.register.name}[${shape.local}] == ${shape.value})`;
}

function renderOp(
  circuit: Circuit,
  op: Op,
  gateName: (op: GateOp) => string,
  angle: AngleWriter,
): string {
  const q = (index: number) => qubitName(circuit, index);
  switch (op.kind) {
    case "measure":
      return `${clbitName(circuit, op.clbit)} = measure ${q(op.qubit)};`;
    case "reset":
      return `reset ${q(op.qubit)};`;
    case "barrier":
      return `barrier ${op.qubits.map(q).join(", ")};`;
    case "gphase": {
      const operands = op.controls.length > 0 ? ` ${op.controls.map(q).join(", ")}` : "";
      return `${modifiers(op)}gphase(${angle(op.angle, op.symbolic)})${operands};`;
    }
    case "gate": {
      const name = gateName(op);
      const params =
        op.name !== "unitary" && op.params.length > 0
          ? `(${op.params.map((p, i) => angle(p, op.symbolic?.[i])).join(", ")})`
          : "";
      const operands = [...op.controls, ...op.qubits].map(q).join(", ");
      return `${modifiers(op)}${name}${params} ${operands};`;
    }
    case "classical":
      throw unsupported(FORMAT, `run-time classical computation (\`${op.label}\`)`, op);
    default:
      return assertNever(op, "op");
  }
}

/** `ctrl @`/`negctrl @` modifiers in control order, runs merged: `ctrl(2) @ negctrl @ `. */
export function modifiers(op: GateOp | GlobalPhaseOp): string {
  let text = "";
  let i = 0;
  while (i < op.controlStates.length) {
    const state = op.controlStates[i];
    let run = 1;
    while (op.controlStates[i + run] === state) run++;
    const word = state === 1 ? "ctrl" : "negctrl";
    text += run === 1 ? `${word} @ ` : `${word}(${run}) @ `;
    i += run;
  }
  return text;
}

/** A `gate` whose body is the exact decomposition of the op's matrix. */
function unitaryDefinition(name: string, op: GateOp): string {
  const args = op.qubits.map((_, i) => `q${i}`);
  const lines = synthesizeUnitary(op.matrix!, op.qubits.length).flatMap((g) =>
    renderSynth(g, args),
  );
  const origin = op.definedIn ? ` // from ${op.definedIn}` : "";
  return [`gate ${name} ${args.join(", ")} {${origin}`, ...lines.map((l) => `  ${l}`), "}"].join(
    "\n",
  );
}

/** A controlled 2×2 matrix as `U` plus the `gphase` its Euler form leaves over. */
function renderSynth(g: SynthGate, args: readonly string[]): string[] {
  const mods = g.controls.map((c) => (c.state === 1 ? "ctrl @ " : "negctrl @ ")).join("");
  const controls = g.controls.map((c) => args[c.qubit]);
  const { theta, phi, lambda, gamma } = eulerAngles(g.matrix);
  const angles = [theta, phi, lambda].map((a) => formatAngle(a)).join(", ");
  const lines = [`${mods}U(${angles}) ${[...controls, args[g.target]].join(", ")};`];
  if (Math.abs(gamma) > 1e-15) {
    const tail = controls.length > 0 ? ` ${controls.join(", ")}` : "";
    lines.push(`${mods}gphase(${formatAngle(gamma)})${tail};`);
  }
  return lines;
}

/**
 * `input float x;` per input; the elements of an input array (`x[0]`, `x[1]` …, as the front end
 * binds them) become one `input array[float, n] x;` where the first element appears.
 */
export function inputDeclarations(names: readonly string[]): string[] {
  const sizes = new Map<string, number>();
  for (const name of names) {
    const element = /^(.+)\[(\d+)\]$/.exec(name);
    if (element)
      sizes.set(element[1], Math.max(sizes.get(element[1]) ?? 0, Number(element[2]) + 1));
  }
  const lines: string[] = [];
  for (const name of names) {
    const element = /^(.+)\[(\d+)\]$/.exec(name);
    if (element === null) lines.push(`input float ${name};`);
    else if (element[2] === "0")
      lines.push(`input array[float, ${sizes.get(element[1])}] ${element[1]};`);
  }
  return lines;
}
