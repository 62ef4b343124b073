/**
 * The gates of an experiment's circuit as PennyLane or Qiskit code with its `input float`
 * parameters kept symbolic (`qml.RY(weights[3], wires=1)`, `qc.rz(2*x[0], q[0])`).
 *
 * The per-circuit exporters (lib/quantum/export) already know how every gate, control and phase
 * is written in each library, but they print numbers. Rather than keep a second copy of their
 * gate tables, we hand them the circuit with each input-dependent angle replaced by a sentinel
 * number, then put the angle's expression where the sentinel was printed. This is only right if
 * the exporter prints each angle as it is; an exporter that computes with an angle (negates it,
 * halves it) would print a number no substitution recognises. So the export runs twice with two
 * different sets of sentinels: anything derived from an input differs between the runs, and a
 * difference is an error naming the line, never a script with a wrong number in it.
 */
import type { Angle } from "@/lib/quantum/angle";
import { QuantumError } from "@/lib/quantum/errors";
import { exportPennyLane, exportQiskit } from "@/lib/quantum/export";
import type { Circuit, Op, Register } from "@/lib/quantum/ir";
import { terminalMeasurements } from "@/lib/quantum/program";

import { atLeast, Precedence, printAngle, type Printed, type PythonDialect } from "./expression";

export type CircuitLibrary = "pennylane" | "qiskit";

export interface CircuitBody {
  /** One statement per line, unindented (PennyLane: inside a quantum function). */
  readonly lines: readonly string[];
  /** Qiskit: the register lines and `qc = QuantumCircuit(...)`; PennyLane: register comments. */
  readonly declarations: readonly string[];
  /** Qiskit: gate classes the body appends (`from qiskit.circuit.library import ...`). */
  readonly libraryImports: readonly string[];
  /** The body writes matrices with `np.array`. */
  readonly usesNumpy: boolean;
}

/**
 * The circuit an expectation value sees, as the simulator's tape does (lib/quantum/diff/tape.ts):
 * terminal measurements and resets of untouched qubits do nothing to the state and are dropped;
 * a mid-circuit measurement, a reset after gates or a classical condition has no single
 * expectation value and is refused where it is written. Classical registers go with them.
 */
export function expectationCircuit(template: Circuit): Circuit {
  const terminal = terminalMeasurements(template);
  const touched = new Set<number>();
  const ops: Op[] = [];
  template.ops.forEach((op, i) => {
    if (terminal.has(i)) return;
    if (op.kind === "reset" && !op.condition && !touched.has(op.qubit)) return;
    if (op.kind === "measure" || op.kind === "reset" || op.condition) {
      const what =
        op.condition !== undefined
          ? "a classically controlled operation"
          : op.kind === "measure"
            ? "a mid-circuit measurement"
            : "a reset after gates";
      throw new QuantumError(
        "unsupported",
        `an exported experiment measures expectation values, which needs a circuit without mid-circuit measurements, resets or classical conditions; this is ${what}`,
        op.loc,
      );
    }
    if (op.kind === "gate") [...op.controls, ...op.qubits].forEach((q) => touched.add(q));
    if (op.kind === "gphase") op.controls.forEach((q) => touched.add(q));
    ops.push(op);
  });
  return { ...template, ops, cregs: [], numClbits: 0, expectations: [], inputs: [] };
}

/** The body of `circuit` (an expectation circuit) in `library`, angles written by `dialect`. */
export function circuitBody(
  circuit: Circuit,
  library: CircuitLibrary,
  dialect: PythonDialect,
  reservedNames: readonly string[] = [],
): CircuitBody {
  const renamed = { ...circuit, qregs: circuit.qregs.map((r) => avoid(r, reservedNames)) };
  const first = render(renamed, library, dialect, 1e9);
  const second = render(renamed, library, dialect, 3e9);
  const differs = first.lines.findIndex((line, i) => line !== second.lines[i]);
  if (differs >= 0 || first.lines.length !== second.lines.length) {
    const line = first.lines[differs] ?? first.lines.at(-1) ?? "";
    throw new QuantumError(
      "unsupported",
      `${library === "pennylane" ? "PennyLane" : "Qiskit"} export of an experiment: the exporter rewrites an input-dependent angle here, so it cannot be kept symbolic: ${line.trim()}`,
    );
  }
  return first;
}

/** A register whose Python name would clash with the script's own names gets a suffix. */
function avoid(register: Register, reserved: readonly string[]): Register {
  let name = register.name;
  while (reserved.includes(name.replace(/[^A-Za-z0-9_]/g, "_"))) name = `${name}_reg`;
  return name === register.name ? register : { ...register, name };
}

interface Sentinels {
  readonly circuit: Circuit;
  /** The printed sentinel → the angle it stands for. */
  readonly angles: ReadonlyMap<string, Angle>;
}

/**
 * Each input-dependent angle replaced by base + k + 0.5 (k counting angles): integral part of
 * ten or more digits, so no exporter prints it as a multiple of π or in exponent form, and
 * never an angle a circuit would plausibly hold.
 */
function withSentinels(circuit: Circuit, base: number): Sentinels {
  const angles = new Map<string, Angle>();
  const sentinel = (angle: Angle): number => {
    if (typeof angle === "number") return angle;
    const value = base + angles.size + 0.5;
    angles.set(String(value), angle);
    return value;
  };
  const ops = circuit.ops.map((op): Op => {
    if (op.kind === "gate" && op.symbolic !== undefined) {
      const { symbolic, ...rest } = op;
      return { ...rest, params: symbolic.map(sentinel) };
    }
    if (op.kind === "gphase" && op.symbolic !== undefined) {
      const { symbolic, ...rest } = op;
      return { ...rest, angle: sentinel(symbolic) };
    }
    return op;
  });
  return { circuit: { ...circuit, ops }, angles };
}

const SENTINEL = /(^|[^\w.])(-?)(\d{10,}\.5)(?![\w.])/g;

function substitute(
  line: string,
  angles: ReadonlyMap<string, Angle>,
  dialect: PythonDialect,
): string {
  return line.replace(SENTINEL, (match, before: string, minus: string, digits: string, at) => {
    const angle = angles.get(digits);
    if (angle === undefined) return match;
    const printed = printAngle(angle, dialect);
    if (minus) return `${before}-${negatable(printed)}`;
    const after = line[at + match.length] ?? "";
    // A whole argument (`f(S, ...)`, `..., S)`, `+= S`) needs no brackets.
    const whole = /[(\s]$/.test(before) && /^[,)]?$/.test(after);
    return `${before}${whole ? printed.text : atLeast(printed, Precedence.atom)}`;
  });
}

/** The operand of a unary minus: a power or tighter, and no second minus right after it. */
function negatable(printed: Printed): string {
  return printed.precedence >= Precedence.power && !printed.text.startsWith("-")
    ? printed.text
    : `(${printed.text})`;
}

function render(
  circuit: Circuit,
  library: CircuitLibrary,
  dialect: PythonDialect,
  base: number,
): CircuitBody {
  const { circuit: marked, angles } = withSentinels(circuit, base);
  const parsed = library === "pennylane" ? pennylaneParts(marked) : qiskitParts(marked);
  return { ...parsed, lines: parsed.lines.map((line) => substitute(line, angles, dialect)) };
}

/** The statements of the exporter's `def circuit():` (up to its return). */
function pennylaneParts(circuit: Circuit): CircuitBody {
  const lines = exportPennyLane(circuit).split("\n");
  const start = lines.indexOf("def circuit():");
  const end = lines.findIndex((line, i) => i > start && line.startsWith("    return "));
  if (start < 0 || end < 0) throw new Error("unexpected output from the PennyLane exporter");
  return {
    lines: lines.slice(start + 1, end).map((line) => line.replace(/^ {4}/, "")),
    declarations: lines.filter((line) => line.startsWith("# qubit register ")),
    libraryImports: [],
    usesNumpy: lines.includes("import numpy as np"),
  };
}

/** The register lines, `qc = QuantumCircuit(...)` and the gate statements of the exporter. */
function qiskitParts(circuit: Circuit): CircuitBody {
  const lines = exportQiskit(circuit).split("\n");
  const qc = lines.findIndex((line) => line.startsWith("qc = QuantumCircuit("));
  if (qc < 0 || lines[qc + 1] !== "") throw new Error("unexpected output from the Qiskit exporter");
  const end = lines.indexOf("", qc + 2);
  const imports = lines.find((line) => line.startsWith("from qiskit.circuit.library import "));
  return {
    lines: lines.slice(qc + 2, end < 0 ? lines.length : end),
    declarations: [...lines.filter((line) => / = QuantumRegister\(/.test(line)), lines[qc]],
    libraryImports: imports
      ? imports.slice("from qiskit.circuit.library import ".length).split(", ")
      : [],
    usesNumpy: lines.includes("import numpy as np"),
  };
}
