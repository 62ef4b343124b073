/**
 * Gate calls: checking a call against the gate it names, expanding it on concrete qubits
 * (inlining user gates down to standard gates) and applying its modifiers.
 *
 * A call is prepared once per statement (name, parameters, modifiers, operand count) and then
 * expanded once per tuple of qubits, so `h q;` on a 20-qubit register checks the call once.
 */
import { angleInputs, evaluateAngle, type Angle, type AngleExpr } from "../angle";
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import type { Expression, GateCall, GateDefinition, GateModifier, Statement } from "./ast";
import { statementWork, USER_GATE_CALL } from "./budget";
import {
  evaluate,
  evaluateInteger,
  evaluatePartial,
  evaluateSymbolic,
  format,
  type ValueScope,
} from "./expressions";
import { gateArity, type GateEntry, type GateTable } from "./gate-table";
import {
  controlOps,
  invertOps,
  powerOps,
  type TransformBudget,
  type UnitaryOp,
} from "./op-transforms";
import { Scope } from "./scope";

export interface CallContext extends TransformBudget {
  readonly gates: GateTable;
  /** Top-level constants and inputs: what a gate body may use besides its parameters. */
  readonly globals: Scope;
  /**
   * In a program compiled for rebinding, the input values angles are evaluated at (NaN when
   * unknown); empty otherwise.
   */
  readonly inputValues: ArrayLike<number>;
}

type EvaluatedModifier =
  | { readonly kind: "inv" }
  | { readonly kind: "pow"; readonly exponent: number }
  | { readonly kind: "ctrl"; readonly count: number; readonly state: 0 | 1 };

export interface PreparedCall {
  readonly call: GateCall;
  readonly entry: GateEntry;
  readonly params: readonly number[];
  /** The parameters as angles, when some depend on inputs (programs compiled for rebinding). */
  readonly symbolic?: readonly Angle[];
  readonly modifiers: readonly EvaluatedModifier[];
  readonly controlCount: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Resolves the gate and checks parameter and operand counts. With `checking`, names are
 * verified but values are not computed (a gate body's parameters have no values yet).
 */
export function prepareCall(
  call: GateCall,
  scope: ValueScope,
  ctx: CallContext,
  checking = false,
): PreparedCall {
  const name = call.name.name;
  const entry = ctx.gates.get(name);
  if (entry === undefined) throw ctx.gates.unknown(name, call.name.loc);
  const modifiers = call.modifiers.map((m) => evaluateModifier(m, scope, checking));
  const arity = gateArity(entry);
  if (call.args.length !== arity.params) {
    const expected = arity.params === 0 ? "no parameters" : plural(arity.params, "parameter");
    throw new QuantumError(
      "semantic",
      `\`${name}\` takes ${expected}, got ${call.args.length}`,
      call.name.loc,
    );
  }
  const angles = checking ? [] : call.args.map((arg) => evaluateSymbolic(arg, scope));
  const params = call.args.map((arg, i) => {
    if (!checking) {
      const angle = angles[i];
      return typeof angle === "number" ? angle : valueAtInputs(angle, ctx.inputValues, arg);
    }
    evaluatePartial(arg, scope);
    return NaN;
  });
  const symbolic = angles.some((a) => typeof a !== "number") ? angles : undefined;
  let controlCount = 0;
  for (const m of modifiers) if (m.kind === "ctrl") controlCount += m.count;
  const expected = arity.qubits + controlCount;
  if (call.operands.length !== expected) {
    throw new QuantumError(
      "semantic",
      `\`${callText(call, modifiers)}\` takes ${plural(expected, "qubit")}, got ${call.operands.length}`,
      call.name.loc,
    );
  }
  return { call, entry, params, symbolic, modifiers, controlCount };
}

/**
 * An input-dependent angle at the values the program is compiled with: NaN when some input has
 * no value yet, an error (as `evaluate` gives) when the values make it infinite or undefined.
 */
function valueAtInputs(angle: Angle, inputs: ArrayLike<number>, arg: Expression): number {
  const value = evaluateAngle(angle, inputs);
  if (Number.isFinite(value) || angleInputs(angle).some((i) => Number.isNaN(inputs[i]))) {
    return value;
  }
  throw new QuantumError(
    "semantic",
    `this expression is not a finite number (it evaluates to ${value})`,
    arg.loc,
  );
}

function evaluateModifier(
  m: GateModifier,
  scope: ValueScope,
  checking: boolean,
): EvaluatedModifier {
  switch (m.kind) {
    case "inv":
      return { kind: "inv" };
    case "pow":
      if (checking) {
        evaluatePartial(m.exponent, scope);
        return { kind: "pow", exponent: NaN };
      }
      return { kind: "pow", exponent: evaluate(m.exponent, scope) };
    case "ctrl":
    case "negctrl": {
      const state = m.kind === "ctrl" ? 1 : 0;
      if (m.count === undefined) return { kind: "ctrl", count: 1, state };
      if (checking && Number.isNaN(evaluatePartial(m.count, scope))) {
        throw new QuantumError(
          "semantic",
          `the number of controls of \`${m.kind}\` must be a constant, not a gate parameter`,
          m.count.loc,
        );
      }
      const count = evaluateInteger(m.count, scope, `the number of controls of \`${m.kind}\``);
      if (count < 1) {
        throw new QuantumError(
          "semantic",
          `the number of controls of \`${m.kind}\` must be at least 1, got ${count}`,
          m.count.loc,
        );
      }
      return { kind: "ctrl", count, state };
    }
  }
}

/** The call as the learner would read it in a message: `ctrl(2) @ x`. */
function callText(call: GateCall, modifiers: readonly EvaluatedModifier[]): string {
  const prefix = modifiers.map((m, i) => {
    switch (m.kind) {
      case "inv":
        return "inv @ ";
      case "pow":
        return Number.isNaN(m.exponent) ? "pow(...) @ " : `pow(${format(m.exponent)}) @ `;
      case "ctrl": {
        const word = call.modifiers[i].kind;
        return m.count === 1 ? `${word} @ ` : `${word}(${m.count}) @ `;
      }
    }
  });
  return prefix.join("") + call.name.name;
}

/**
 * Expands a prepared call on `qubits` (one per operand, controls first). `labels` name the
 * qubits for the "used twice" message; every op gets `loc`.
 *
 * User gates are inlined without recursion, each gate being inlined is a frame on an explicit
 * stack, so a chain of thousands of nested gates needs no call stack. Nor are bodies copied at
 * every level: a gate called without modifiers writes its ops straight into its caller's list
 * (with its qubit arguments mapped to global qubits), and only a call with modifiers collects
 * its ops apart, to transform them when its body is done. Work is still counted as if every
 * level copied its body (budget.ts), so the limit does not depend on how cleverly this is done.
 */
export function expandCall(
  prepared: PreparedCall,
  qubits: readonly number[],
  labels: readonly string[],
  ctx: CallContext,
  loc: SourceLocation,
): UnitaryOp[] {
  const { call } = prepared;
  for (let j = 1; j < qubits.length; j++) {
    const first = qubits.indexOf(qubits[j]);
    if (first < j) {
      throw new QuantumError(
        "semantic",
        `qubit ${labels[j]} is used twice in \`${call.name.name}\``,
        call.operands[j].loc,
      );
    }
  }
  const out: Sink = { ops: [], label: undefined, depth: 0 };
  const stack: Frame[] = [];
  open(prepared, qubits, out, stack, ctx, loc);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const statement = frame.body[frame.next++];
    if (statement === undefined) {
      stack.pop();
      if (frame.sink.depth === stack.length + 1) {
        // The frame collected its ops apart: this level's copy, then the call's modifiers.
        ctx.spend(frame.sink.ops.length);
        const ops = modified(frame.prepared, frame.controls, frame.sink.ops, ctx, loc);
        const caller = stack.length > 0 ? stack[stack.length - 1].sink : out;
        add(caller, ops, stack.length, ctx);
      }
      continue;
    }
    // Operands of calls in a body are the gate's distinct qubit arguments (checked with the
    // definition), so they need no "used twice" check here.
    ctx.spend(statementWork(statement));
    if (statement.kind === "gateCall") {
      const inner = prepareCall(statement, frame.scope, ctx);
      const tuple = statement.operands.map((o) => frame.formal.get(o.name) as number);
      open(inner, tuple, frame.sink, stack, ctx, loc);
    } else if (statement.kind === "barrier") {
      const operands = statement.operands.length > 0 ? statement.operands : frame.definition.qubits;
      const barrier: UnitaryOp = {
        kind: "barrier",
        qubits: operands.map((o) => frame.formal.get(o.name) as number),
        loc,
      };
      add(frame.sink, [barrier], stack.length, ctx);
    }
  }
  return out.ops;
}

/**
 * Where a gate's ops go: its own list when its call has modifiers, else its caller's. `label` is
 * the `definedIn` of the ops added (the outermost user gate that shares the list: a call's ops
 * are named after the gate the learner wrote); `depth` is the frame that owns the list (its
 * index on the stack + 1; 0 for the call's result).
 */
interface Sink {
  readonly ops: UnitaryOp[];
  readonly label: string | undefined;
  readonly depth: number;
}

/** A user gate being inlined: its body runs statement by statement into `sink`. */
interface Frame {
  readonly prepared: PreparedCall;
  readonly definition: GateDefinition;
  /** The control qubits of the call, for its `ctrl @` modifiers. */
  readonly controls: readonly number[];
  readonly scope: Scope;
  /** Qubit argument name → global qubit. */
  readonly formal: ReadonlyMap<string, number>;
  readonly body: readonly Statement[];
  next: number;
  readonly sink: Sink;
}

/**
 * Starts a call: a user gate opens a frame, whose body the loop of `expandCall` then runs; a
 * standard gate or `gphase` is one op, modified and added to `sink` at once.
 */
function open(
  prepared: PreparedCall,
  qubits: readonly number[],
  sink: Sink,
  stack: Frame[],
  ctx: CallContext,
  loc: SourceLocation,
): void {
  ctx.spend(1);
  const controls = qubits.slice(0, prepared.controlCount);
  const targets = qubits.slice(prepared.controlCount);
  const { entry, params, symbolic } = prepared;
  switch (entry.kind) {
    case "standard": {
      const op: UnitaryOp = {
        kind: "gate",
        name: entry.signature.name,
        params,
        qubits: targets,
        controls: [],
        controlStates: [],
        loc,
        ...(symbolic ? { symbolic } : {}),
      };
      add(sink, modified(prepared, controls, [op], ctx, loc), stack.length, ctx);
      return;
    }
    case "gphase": {
      const angle = symbolic?.[0];
      const op: UnitaryOp = {
        kind: "gphase",
        angle: params[0],
        controls: [],
        controlStates: [],
        loc,
        ...(typeof angle === "object" ? { symbolic: angle } : {}),
      };
      add(sink, modified(prepared, controls, [op], ctx, loc), stack.length, ctx);
      return;
    }
    case "user": {
      ctx.spend(USER_GATE_CALL);
      const definition = entry.definition;
      const scope = new Scope(ctx.globals);
      definition.params.forEach((p, i) => {
        const angle = symbolic?.[i];
        scope.define(p.name, {
          kind: "gate parameter",
          value: params[i],
          loc: p.loc,
          ...(typeof angle === "object" ? { angle: angle as AngleExpr } : {}),
        });
      });
      const name = definition.name.name;
      stack.push({
        prepared,
        definition,
        controls,
        scope,
        formal: new Map(definition.qubits.map((q, i) => [q.name, targets[i]])),
        body: bodyStatements(definition),
        next: 0,
        sink:
          prepared.modifiers.length > 0
            ? { ops: [], label: name, depth: stack.length + 1 }
            : { ops: sink.ops, label: sink.label ?? name, depth: sink.depth },
      });
      return;
    }
  }
}

/** The call's modifiers applied to its ops, innermost (rightmost) first. */
function modified(
  prepared: PreparedCall,
  controls: readonly number[],
  base: UnitaryOp[],
  ctx: CallContext,
  loc: SourceLocation,
): UnitaryOp[] {
  let ops = base;
  let end = controls.length;
  for (let i = prepared.modifiers.length - 1; i >= 0; i--) {
    const m = prepared.modifiers[i];
    switch (m.kind) {
      case "inv":
        ops = invertOps(ops, ctx);
        break;
      case "pow":
        ops = powerOps(ops, m.exponent, loc, ctx);
        break;
      case "ctrl":
        ops = controlOps(ops, controls.slice(end - m.count, end), m.state, ctx);
        end -= m.count;
        break;
    }
  }
  return ops;
}

/**
 * Adds ops made `depth` frames deep to `sink`, named after its gate. They pass through every
 * frame between `depth` and the sink's owner, each of which counts as copying them.
 */
function add(sink: Sink, ops: readonly UnitaryOp[], depth: number, ctx: CallContext): void {
  ctx.spend(ops.length * (depth - sink.depth));
  const label = sink.label;
  for (const op of ops) {
    const named = label !== undefined && op.kind === "gate" && op.definedIn !== label;
    // Not `{ ...op, definedIn }`: V8 gives a spread that adds a property a slow shape, and
    // every later copy of the op (`inv @`, `ctrl @`) pays for it.
    sink.ops.push(named ? Object.assign({}, op, { definedIn: label }) : op);
  }
  ctx.ensureRoom(sink.ops.length);
}

const flattenedBodies = new WeakMap<GateDefinition, readonly Statement[]>();

/** Statements of a gate body with nested `{ }` blocks flattened (once per definition). */
function bodyStatements(definition: GateDefinition): readonly Statement[] {
  let body = flattenedBodies.get(definition);
  if (body === undefined) {
    body = flatten(definition.body);
    flattenedBodies.set(definition, body);
  }
  return body;
}

function flatten(body: readonly Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const s of body) {
    if (s.kind === "block") out.push(...flatten(s.body));
    else out.push(s);
  }
  return out;
}

/**
 * Checks a gate definition before it is registered: distinct argument names, known gates with
 * the right counts, operands that are the gate's own qubit arguments (unindexed, each once per
 * call), and names in expressions that exist. Errors point into the body.
 */
export function checkGateDefinition(definition: GateDefinition, ctx: CallContext): void {
  const seen = new Map<string, string>();
  for (const [list, what] of [
    [definition.params, "parameter"],
    [definition.qubits, "qubit argument"],
  ] as const) {
    for (const id of list) {
      const before = seen.get(id.name);
      if (before !== undefined) {
        throw new QuantumError(
          "semantic",
          `\`${id.name}\` is already used as a ${before} of gate \`${definition.name.name}\``,
          id.loc,
        );
      }
      seen.set(id.name, what);
    }
  }
  const qubitNames = new Set(definition.qubits.map((q) => q.name));
  const scope = new Scope(ctx.globals, (n) =>
    qubitNames.has(n) ? `a qubit argument of gate \`${definition.name.name}\`` : undefined,
  );
  for (const p of definition.params)
    scope.define(p.name, { kind: "gate parameter", value: NaN, loc: p.loc });
  for (const statement of bodyStatements(definition)) {
    if (statement.kind === "gateCall") {
      prepareCall(statement, scope, ctx, true);
    } else if (statement.kind !== "barrier") {
      throw new QuantumError("syntax", "only gate calls may appear in a gate body", statement.loc);
    }
    const used = new Set<string>();
    for (const operand of statement.operands) {
      if (operand.index !== undefined) {
        throw new QuantumError(
          "semantic",
          `qubit arguments of a gate cannot be indexed: write \`${operand.name}\`, not \`${operand.name}[...]\``,
          operand.loc,
        );
      }
      if (!qubitNames.has(operand.name)) {
        throw new QuantumError(
          "semantic",
          `\`${operand.name}\` is not a qubit argument of gate \`${definition.name.name}\` (its qubits are ${[...qubitNames].join(", ")})`,
          operand.loc,
        );
      }
      if (used.has(operand.name) && statement.kind === "gateCall") {
        throw new QuantumError(
          "semantic",
          `qubit ${operand.name} is used twice in \`${statement.name.name}\``,
          operand.loc,
        );
      }
      used.add(operand.name);
    }
  }
}
