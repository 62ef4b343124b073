/**
 * Circuit diagram layout: which column each op is drawn in and what it looks like, as plain
 * data. The app's SVG renderer draws it; this module knows nothing of pixels or SVG.
 *
 * Packing rule: an op goes in the first column after the last column used by any wire it spans.
 * It spans every qubit wire from its lowest to its highest qubit (a vertical line crosses the
 * wires between), and, when it measures or is conditioned, every wire below it down to the
 * classical bits it reads or writes (the double line runs down to them). Barriers span their
 * qubits. A global phase without controls touches no wire; it is drawn in a column of its own
 * after everything before it.
 */
import type { Circuit, GateOp, Op, SourceLocation } from "./ir";
import { assertNever } from "./ir";
import { asPiMultiple, clbitName, qubitName } from "./export/format";
import { controlledForm } from "./export/controls";

export type TargetSymbol =
  | "plus" // ⊕, the target of an X-type gate
  | "box" // a labelled box; several box targets of one op form one box
  | "swap" // ×
  | "meter" // measurement
  | "barrier"; // dashed barrier segment

export interface PlacedTarget {
  readonly qubit: number;
  readonly symbol: TargetSymbol;
}

export interface PlacedControl {
  readonly qubit: number;
  /** Filled dot (control on |1⟩) or open dot (negctrl, control on |0⟩). */
  readonly filled: boolean;
}

export interface PlacedOp {
  /** Position of the op in `circuit.ops`. */
  readonly index: number;
  readonly column: number;
  readonly kind: Op["kind"];
  /** Text in the box: "H", "RZ(π/2)", "√X†", "|0⟩" for reset, "" for ⊕/×/barrier/measure. */
  readonly label: string;
  readonly controls: readonly PlacedControl[];
  readonly targets: readonly PlacedTarget[];
  /** Lowest and highest qubit the op's vertical line joins (controls included). */
  readonly minQubit: number;
  readonly maxQubit: number;
  readonly measure?: { readonly qubit: number; readonly clbit: number };
  /**
   * Classical condition, drawn as a double line down to `clbits` and `label == value` (or `text`,
   * for a condition held in a hidden latch: then `clbits` is empty, as hidden bits have no wire).
   */
  readonly condition?: {
    readonly label: string;
    readonly value: number;
    readonly clbits: readonly number[];
    readonly text?: string;
  };
  readonly loc: SourceLocation;
}

export interface CircuitLayout {
  readonly qubitLabels: readonly string[];
  readonly clbitLabels: readonly string[];
  readonly columns: number;
  readonly ops: readonly PlacedOp[];
}

export function layoutCircuit(circuit: Circuit): CircuitLayout {
  const qubitFree = new Array<number>(circuit.numQubits).fill(0);
  const clbitFree = new Array<number>(circuit.numClbits).fill(0);
  const placed: PlacedOp[] = [];
  let columns = 0;

  circuit.ops.forEach((op, index) => {
    const shape = drawOp(op);
    // Hidden bits (latches, run-time ints) have no wire: only visible ones are drawn.
    const visible = (bits: readonly number[]) => bits.filter((c) => c < circuit.numClbits);
    const conditionBits = visible(op.condition?.clbits ?? []);
    const clbits = [...(op.kind === "measure" ? [op.clbit] : []), ...conditionBits];
    const qubits = [...shape.controls.map((c) => c.qubit), ...shape.targets.map((t) => t.qubit)];
    let minQubit = qubits.length > 0 ? Math.min(...qubits) : 0;
    let maxQubit = qubits.length > 0 ? Math.max(...qubits) : -1;
    // The classical double line runs from the op down past every qubit below it.
    const qubitSpanEnd = clbits.length > 0 ? circuit.numQubits - 1 : maxQubit;
    const clbitSpanEnd = clbits.length > 0 ? Math.max(...clbits) : -1;

    let column: number;
    if (qubits.length === 0 && clbits.length === 0) {
      column = Math.max(0, ...qubitFree, ...clbitFree);
      minQubit = 0;
      maxQubit = -1;
    } else {
      column = 0;
      for (let q = minQubit; q <= qubitSpanEnd; q++) column = Math.max(column, qubitFree[q]);
      for (let c = 0; c <= clbitSpanEnd; c++) column = Math.max(column, clbitFree[c]);
    }
    for (let q = minQubit; q <= qubitSpanEnd; q++) qubitFree[q] = column + 1;
    for (let c = 0; c <= clbitSpanEnd; c++) clbitFree[c] = column + 1;
    columns = Math.max(columns, column + 1);

    placed.push({
      index,
      column,
      kind: op.kind,
      ...shape,
      minQubit,
      maxQubit,
      ...(op.kind === "measure" ? { measure: { qubit: op.qubit, clbit: op.clbit } } : {}),
      ...(op.condition
        ? {
            condition: {
              label: op.condition.label,
              value: op.condition.value,
              clbits: conditionBits,
              ...(op.condition.text === undefined ? {} : { text: op.condition.text }),
            },
          }
        : {}),
      loc: op.loc,
    });
  });

  return {
    qubitLabels: Array.from({ length: circuit.numQubits }, (_, i) => qubitName(circuit, i)),
    clbitLabels: Array.from({ length: circuit.numClbits }, (_, i) => clbitName(circuit, i)),
    columns,
    ops: placed,
  };
}

interface OpShape {
  readonly label: string;
  readonly controls: PlacedControl[];
  readonly targets: PlacedTarget[];
}

function drawOp(op: Op): OpShape {
  switch (op.kind) {
    case "measure":
      return { label: "", controls: [], targets: [{ qubit: op.qubit, symbol: "meter" }] };
    case "reset":
      return { label: "|0⟩", controls: [], targets: [{ qubit: op.qubit, symbol: "box" }] };
    case "barrier":
      return {
        label: "",
        controls: [],
        targets: op.qubits.map((qubit) => ({ qubit, symbol: "barrier" as const })),
      };
    case "gphase":
      return {
        label: `gphase(${displayAngle(op.angle)})`,
        controls: op.controls.map((qubit, i) => ({ qubit, filled: op.controlStates[i] === 1 })),
        targets: [],
      };
    case "gate":
      return drawGate(op);
    case "classical":
      // Run-time classical computation acts on no qubit: a floating label, like `gphase`.
      return { label: op.label, controls: [], targets: [] };
    default:
      return assertNever(op, "op");
  }
}

function drawGate(op: GateOp): OpShape {
  const extra = op.controls.map((qubit, i) => ({ qubit, filled: op.controlStates[i] === 1 }));
  if (op.name === "unitary") {
    return {
      label: op.definedIn ?? "U",
      controls: extra,
      targets: op.qubits.map((qubit) => ({ qubit, symbol: "box" as const })),
    };
  }
  const form = controlledForm(op);
  const own = op.qubits.slice(0, form.controls).map((qubit) => ({ qubit, filled: true }));
  const targets = op.qubits.slice(form.controls);
  const controls = [...extra, ...own];
  // A lone X is a box like any gate; ⊕ only reads well at the end of a control line.
  if (form.base === "x" && controls.length > 0) {
    return { label: "", controls, targets: targets.map((qubit) => ({ qubit, symbol: "plus" })) };
  }
  if (form.base === "swap") {
    return { label: "", controls, targets: targets.map((qubit) => ({ qubit, symbol: "swap" })) };
  }
  // cu draws as U with its phase γ as a fourth parameter, as Qiskit does.
  const params = form.phase !== 0 ? [...form.params, form.phase] : form.params;
  const name = form.phase !== 0 ? "U" : baseLabel(form.base);
  const label = params.length > 0 ? `${name}(${params.map(displayAngle).join(", ")})` : name;
  return { label, controls, targets: targets.map((qubit) => ({ qubit, symbol: "box" })) };
}

const LABELS: Readonly<Record<string, string>> = {
  id: "I",
  sdg: "S†",
  tdg: "T†",
  sx: "√X",
  sxdg: "√X†",
  phase: "P",
  U: "U",
};

function baseLabel(name: string): string {
  return (Object.hasOwn(LABELS, name) ? LABELS[name] : undefined) ?? name.toUpperCase();
}

/** An angle for people: "π/2", "3π/4", "-π", "2π", or the number to 4 significant digits. */
export function displayAngle(value: number): string {
  if (value === 0) return "0";
  const multiple = asPiMultiple(value);
  if (!multiple) return String(Number(value.toPrecision(4)));
  const { numerator, denominator } = multiple;
  const sign = numerator < 0 ? "-" : "";
  const abs = Math.abs(numerator);
  const head = abs === 1 ? "π" : `${abs}π`;
  return denominator === 1 ? `${sign}${head}` : `${sign}${head}/${denominator}`;
}
