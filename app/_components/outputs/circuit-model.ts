/**
 * Pixel geometry of a circuit diagram from a `CircuitLayout` (lib/quantum/layout.ts), and the
 * words of its text alternative. The layout decides columns and symbols; this module only turns
 * them into coordinates, so the SVG component is a straight drawing of these numbers.
 */
import type { CircuitLayout, PlacedOp } from "@/lib/quantum/layout";

/** Vertical distance between wires. */
export const ROW = 48;
/** Half the height of a one-qubit gate box. */
export const BOX_HALF = 16;
const MIN_COLUMN = 48;
const CHAR = 7.4; // width of one label character at the diagram's 13px font
const TOP = 40; // room above the first wire for global-phase labels
/** Diagrams draw at most this many operations; the rest are counted in a note. */
export const MAX_DIAGRAM_OPS = 500;

export interface ClassicalRegister {
  readonly name: string;
  readonly size: number;
  /** Global index of the register's bit 0. */
  readonly offset: number;
}

/**
 * Groups clbit labels "c[0]", "c[1]", "m[0]" into registers, one double wire each. A label that
 * is not `name[i]` (never produced by layoutCircuit today) becomes a one-bit register of its own
 * rather than being dropped.
 */
export function classicalRegisters(clbitLabels: readonly string[]): ClassicalRegister[] {
  const registers: ClassicalRegister[] = [];
  clbitLabels.forEach((label, index) => {
    const match = /^(.*)\[(\d+)\]$/.exec(label);
    const name = match ? match[1] : label;
    const last = registers[registers.length - 1];
    if (match && last && last.name === name && Number(match[2]) === last.size) {
      registers[registers.length - 1] = { ...last, size: last.size + 1 };
    } else {
      registers.push({ name, size: 1, offset: index });
    }
  });
  return registers;
}

/** Index of the register holding global clbit `clbit`. */
export function registerOf(registers: readonly ClassicalRegister[], clbit: number): number {
  const r = registers.findIndex((reg) => clbit >= reg.offset && clbit < reg.offset + reg.size);
  if (r < 0) throw new RangeError(`classical bit ${clbit} is in no register`);
  return r;
}

/** "c==1", the text of a classical condition. */
export function conditionText(condition: NonNullable<PlacedOp["condition"]>): string {
  return condition.text ?? `${condition.label}==${condition.value}`;
}

/** Width a text label needs in the diagram font. */
export function textWidth(text: string): number {
  return text.length * CHAR;
}

function opWidth(op: PlacedOp): number {
  const box = op.targets.some((t) => t.symbol === "box") ? textWidth(op.label) + 18 : 34;
  const floating = op.targets.length === 0 ? textWidth(op.label) + 12 : 0;
  const condition = op.condition ? textWidth(conditionText(op.condition)) + 14 : 0;
  return Math.max(MIN_COLUMN, box + 14, floating, condition);
}

export interface DiagramGeometry {
  readonly width: number;
  readonly height: number;
  /** x where the wires start (the labels sit left of it). */
  readonly wireStart: number;
  readonly qubitY: readonly number[];
  readonly registers: readonly (ClassicalRegister & { readonly y: number })[];
  /** Centre x and width of each column. */
  readonly columnX: readonly number[];
  readonly columnWidth: readonly number[];
  /** The operations drawn: the first MAX_DIAGRAM_OPS of the layout. */
  readonly ops: readonly PlacedOp[];
  readonly totalOps: number;
}

export function diagramGeometry(layout: CircuitLayout, maxOps = MAX_DIAGRAM_OPS): DiagramGeometry {
  const ops = layout.ops.slice(0, maxOps);
  const columns = ops.reduce((n, op) => Math.max(n, op.column + 1), 0);
  const columnWidth = new Array<number>(columns).fill(MIN_COLUMN);
  for (const op of ops) columnWidth[op.column] = Math.max(columnWidth[op.column], opWidth(op));

  const registers = classicalRegisters(layout.clbitLabels);
  const labels = [...layout.qubitLabels, ...registers.map((r) => r.name)];
  const wireStart = Math.max(40, ...labels.map(textWidth)) + 16;
  const columnX: number[] = [];
  let x = wireStart + 12;
  for (const w of columnWidth) {
    columnX.push(x + w / 2);
    x += w;
  }
  const qubitY = layout.qubitLabels.map((_, q) => TOP + q * ROW);
  const classicalTop = TOP + layout.qubitLabels.length * ROW;
  return {
    width: x + 24,
    height: classicalTop + registers.length * ROW - ROW / 2 + 18,
    wireStart,
    qubitY,
    registers: registers.map((r, i) => ({ ...r, y: classicalTop + i * ROW })),
    columnX,
    columnWidth,
    ops,
    totalOps: layout.ops.length,
  };
}

/** y of the classical wire that carries global clbit `clbit`. */
export function clbitY(geometry: DiagramGeometry, clbit: number): number {
  return geometry.registers[registerOf(geometry.registers, clbit)].y;
}

/** Vertical extent of the op's box targets (one box spans all of them), or null if none. */
export function boxSpan(
  op: PlacedOp,
  qubitY: readonly number[],
): { top: number; bottom: number } | null {
  const boxes = op.targets.filter((t) => t.symbol === "box").map((t) => qubitY[t.qubit]);
  if (boxes.length === 0) return null;
  return { top: Math.min(...boxes) - BOX_HALF, bottom: Math.max(...boxes) + BOX_HALF };
}

const listNames = (names: readonly string[]): string =>
  names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/** One operation in words: "H on q[0]", "X on q[1], controlled by q[0]", "Measure q[0] → c[0]". */
export function describeOp(op: PlacedOp, layout: CircuitLayout): string {
  const q = (i: number): string => layout.qubitLabels[i] ?? `q[${i}]`;
  const targets = listNames(op.targets.map((t) => q(t.qubit)));
  let text: string;
  switch (op.kind) {
    case "measure":
      text = op.measure
        ? `Measure ${q(op.measure.qubit)} → ${layout.clbitLabels[op.measure.clbit] ?? `c[${op.measure.clbit}]`}`
        : `Measure ${targets}`;
      break;
    case "reset":
      text = `Reset ${targets} to |0⟩`;
      break;
    case "barrier":
      text = `Barrier on ${targets}`;
      break;
    case "gphase":
      text = `Global phase ${op.label}`;
      break;
    case "gate": {
      const symbol = op.targets[0]?.symbol;
      text =
        symbol === "swap"
          ? `SWAP ${targets}`
          : `${symbol === "plus" ? "X" : op.label} on ${targets}`;
      break;
    }
    case "classical":
      text = `Classical computation ${op.label}`;
      break;
    default: {
      const unknown: never = op.kind;
      throw new Error(`unexpected operation kind ${String(unknown)}`);
    }
  }
  if (op.controls.length > 0) {
    const names = op.controls.map((c) => (c.filled ? q(c.qubit) : `${q(c.qubit)} (on |0⟩)`));
    text += `, controlled by ${listNames(names)}`;
  }
  if (op.condition) text += `, if ${conditionText(op.condition)}`;
  return text;
}
