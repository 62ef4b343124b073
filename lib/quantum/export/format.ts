/**
 * Text helpers every exporter shares: how numbers and angles are written, how a global qubit or
 * bit index is named in its register, and the one error every exporter throws for what its
 * target cannot say. Nothing here knows any particular output language.
 */
import { QuantumError } from "../errors";
import type { Circuit, Condition, Op, Register } from "../ir";

/** Denominators tried when recognising an angle as a rational multiple of π. */
const PI_DENOMINATORS = [1, 2, 3, 4, 6, 8, 12, 16, 32, 64, 128] as const;

/**
 * Within this distance an angle counts as an exact multiple of π. Parsed sources reach a value
 * such as `pi/3` by one floating-point division, so a genuine multiple is off by an ulp or two;
 * re-reading the printed form is then just as close to the original, far inside the 1e-9 that
 * round trips are held to.
 */
const PI_TOLERANCE = 1e-12;

/** Shortest decimal that reads back as the same double, in a form every target accepts. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new QuantumError("unsupported", `cannot write the non-finite number ${value} as code`);
  }
  if (Object.is(value, -0)) return "0";
  const text = String(value);
  // OpenQASM 2's `real` needs a decimal point before an exponent ("1e-7" is not a real there).
  if (/e/.test(text) && !/\./.test(text)) return text.replace("e", ".0e");
  return text;
}

export interface PiMultiple {
  readonly numerator: number;
  readonly denominator: number;
}

/** `value` as n·π/d with a small d, or null when it is not (within PI_TOLERANCE) such a multiple. */
export function asPiMultiple(value: number): PiMultiple | null {
  if (value === 0) return null;
  for (const denominator of PI_DENOMINATORS) {
    const numerator = Math.round((value * denominator) / Math.PI);
    if (numerator === 0 || Math.abs(numerator) > 8 * denominator) continue;
    if (Math.abs(value - (numerator * Math.PI) / denominator) <= PI_TOLERANCE) {
      return { numerator, denominator };
    }
  }
  return null;
}

/**
 * An angle as code: `pi/2`, `-3*pi/4`, `2*pi` when it is an exact multiple of π, else the plain
 * number. `pi` is the name of π in the target (`pi`, `np.pi`, `π`).
 */
export function formatAngle(value: number, pi = "pi"): string {
  const multiple = asPiMultiple(value);
  if (!multiple) return formatNumber(value);
  const { numerator, denominator } = multiple;
  const sign = numerator < 0 ? "-" : "";
  const abs = Math.abs(numerator);
  const head = abs === 1 ? pi : `${abs}*${pi}`;
  return denominator === 1 ? `${sign}${head}` : `${sign}${head}/${denominator}`;
}

/** Where a global qubit or clbit index lives: its register and the index inside it. */
export function locate(
  registers: readonly Register[],
  index: number,
): { register: Register; local: number } {
  for (const register of registers) {
    if (index >= register.offset && index < register.offset + register.size) {
      return { register, local: index - register.offset };
    }
  }
  throw new QuantumError("semantic", `index ${index} is not in any register`);
}

/** `q[3]`-style name of a global qubit index in the circuit's own register names. */
export function qubitName(circuit: Circuit, index: number): string {
  const { register, local } = locate(circuit.qregs, index);
  return `${register.name}[${local}]`;
}

export function clbitName(circuit: Circuit, index: number): string {
  const { register, local } = locate(circuit.cregs, index);
  return `${register.name}[${local}]`;
}

/**
 * What a condition reads, in the two shapes the OpenQASM-style targets can write: a whole
 * register compared to an integer, or one bit compared to 0/1. Anything else (a subset of a
 * register's bits) is `null` and the exporter refuses it.
 */
export type ConditionShape =
  | { readonly kind: "register"; readonly register: Register; readonly value: number }
  | {
      readonly kind: "bit";
      readonly register: Register;
      readonly local: number;
      readonly clbit: number;
      readonly value: 0 | 1;
    };

export function conditionShape(circuit: Circuit, condition: Condition): ConditionShape | null {
  const { clbits, value } = condition;
  if (clbits.length === 1 && (value === 0 || value === 1)) {
    const { register, local } = locate(circuit.cregs, clbits[0]);
    if (register.size === 1) return { kind: "register", register, value };
    return { kind: "bit", register, local, clbit: clbits[0], value };
  }
  for (const register of circuit.cregs) {
    const whole =
      clbits.length === register.size && clbits.every((bit, i) => bit === register.offset + i);
    if (whole) return { kind: "register", register, value };
  }
  return null;
}

/**
 * Run-time classical computation (a `classical` op: a run-time `int` or the latch of a `while`
 * loop whose body measures into its own condition) and conditions on the hidden bits it writes
 * have no counterpart the exporters write yet; every exporter refuses them here, naming the
 * construct and where it is, rather than dropping them or showing the hidden bits.
 */
export function refuseRunTimeClassical(circuit: Circuit, format: string): void {
  for (const op of circuit.ops) {
    if (op.kind === "classical") {
      throw unsupported(
        format,
        `run-time classical computation (\`${op.label}\`, line ${op.loc.line}) cannot be exported yet; ` +
          "only conditions that compare measured bits with constants can",
        op,
      );
    }
    const hidden = op.condition?.clbits.some((bit) => bit >= circuit.numClbits);
    if (hidden && op.condition) {
      throw unsupported(
        format,
        `a condition evaluated at run time (\`${op.condition.text ?? op.condition.label}\`) cannot be exported yet`,
        op,
      );
    }
  }
}

/** The error every exporter throws for a construct its target language cannot express. */
export function unsupported(format: string, what: string, op?: Op): QuantumError {
  return new QuantumError("unsupported", `${format} export: ${what}`, op?.loc);
}

/** Human name of an op for error messages: `ctrl @ h`, `unitary`, `measure`... */
export function describeOp(op: Op): string {
  switch (op.kind) {
    case "gate":
    case "gphase": {
      const name = op.kind === "gate" ? op.name : "gphase";
      const mods = op.controlStates.map((s) => (s === 1 ? "ctrl @ " : "negctrl @ ")).join("");
      return `${mods}${name}`;
    }
    case "measure":
    case "reset":
    case "barrier":
      return op.kind;
    case "classical":
      return `\`${op.label}\``;
    default:
      return assertNeverOp(op);
  }
}

function assertNeverOp(op: never): never {
  throw new Error(`unexpected op ${JSON.stringify(op)}`);
}

/** Indices of clbits that are ever measured into, in ascending order. */
export function measuredClbits(circuit: Circuit): number[] {
  const seen = new Set<number>();
  for (const op of circuit.ops) if (op.kind === "measure") seen.add(op.clbit);
  return [...seen].sort((a, b) => a - b);
}

/**
 * True when every measurement is terminal: nothing acts on a measured qubit afterwards and no
 * operation is classically conditioned or a reset. Targets without mid-circuit measurement
 * (Braket) accept only such circuits.
 */
export function measurementsAreTerminal(circuit: Circuit): boolean {
  const measured = new Set<number>();
  for (const op of circuit.ops) {
    if (op.condition) return false;
    switch (op.kind) {
      case "measure":
        measured.add(op.qubit);
        break;
      case "reset":
        return false;
      case "barrier":
        break;
      case "classical":
        return false;
      case "gate":
        if ([...op.qubits, ...op.controls].some((q) => measured.has(q))) return false;
        break;
      case "gphase":
        if (op.controls.some((q) => measured.has(q))) return false;
        break;
      default:
        return assertNeverOp(op);
    }
  }
  return true;
}
