/**
 * Gate calls: checking a call against the gate it names, expanding it on concrete qubits
 * (inlining user gates down to standard gates) and applying its modifiers.
 *
 * A call is prepared once per statement (name, parameters, modifiers, operand count) and then
 * expanded once per tuple of qubits, so `h q;` on a 20-qubit register checks the call once.
 */
import { QuantumError } from "../errors";
import type { SourceLocation } from "../ir";
import type { GateCall, GateDefinition, GateModifier, Statement } from "./ast";
import { evaluate, evaluateInteger, evaluatePartial, format, type ValueScope } from "./expressions";
import { gateArity, type GateEntry, type GateTable } from "./gate-table";
import { controlOps, invertOps, powerOps, type UnitaryOp } from "./op-transforms";
import { Scope } from "./scope";

export interface CallContext {
  readonly gates: GateTable;
  /** Top-level constants and inputs: what a gate body may use besides its parameters. */
  readonly globals: Scope;
  /** Throws a LimitError when `count` more ops would exceed maxOperations. */
  ensureRoom(count: number): void;
}

type EvaluatedModifier =
  | { readonly kind: "inv" }
  | { readonly kind: "pow"; readonly exponent: number }
  | { readonly kind: "ctrl"; readonly count: number; readonly state: 0 | 1 };

export interface PreparedCall {
  readonly call: GateCall;
  readonly entry: GateEntry;
  readonly params: readonly number[];
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
  const params = call.args.map((arg) => {
    if (!checking) return evaluate(arg, scope);
    evaluatePartial(arg, scope);
    return NaN;
  });
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
  return { call, entry, params, modifiers, controlCount };
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
 */
export function expandCall(
  prepared: PreparedCall,
  qubits: readonly number[],
  labels: readonly string[],
  ctx: CallContext,
  loc: SourceLocation,
): UnitaryOp[] {
  const { call, entry } = prepared;
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
  const controls = qubits.slice(0, prepared.controlCount);
  const targets = qubits.slice(prepared.controlCount);
  let ops = baseOps(entry, prepared.params, targets, ctx, loc);
  let end = controls.length;
  for (let i = prepared.modifiers.length - 1; i >= 0; i--) {
    const m = prepared.modifiers[i];
    switch (m.kind) {
      case "inv":
        ops = invertOps(ops);
        break;
      case "pow":
        ops = powerOps(ops, m.exponent, loc, (count) => ctx.ensureRoom(count));
        break;
      case "ctrl":
        ops = controlOps(ops, controls.slice(end - m.count, end), m.state);
        end -= m.count;
        break;
    }
  }
  return ops;
}

function baseOps(
  entry: GateEntry,
  params: readonly number[],
  qubits: readonly number[],
  ctx: CallContext,
  loc: SourceLocation,
): UnitaryOp[] {
  switch (entry.kind) {
    case "standard":
      return [
        {
          kind: "gate",
          name: entry.signature.name,
          params,
          qubits,
          controls: [],
          controlStates: [],
          loc,
        },
      ];
    case "gphase":
      return [{ kind: "gphase", angle: params[0], controls: [], controlStates: [], loc }];
    case "user":
      return inlineGate(entry.definition, params, qubits, ctx, loc);
  }
}

/** Statements of a gate body with nested `{ }` blocks flattened. */
function bodyStatements(body: readonly Statement[]): Statement[] {
  const out: Statement[] = [];
  for (const s of body) {
    if (s.kind === "block") out.push(...bodyStatements(s.body));
    else out.push(s);
  }
  return out;
}

/** A user gate's body on concrete qubits; every op remembers the gate's name in `definedIn`. */
function inlineGate(
  definition: GateDefinition,
  params: readonly number[],
  qubits: readonly number[],
  ctx: CallContext,
  loc: SourceLocation,
): UnitaryOp[] {
  const scope = new Scope(ctx.globals);
  definition.params.forEach((p, i) =>
    scope.define(p.name, { kind: "gate parameter", value: params[i], loc: p.loc }),
  );
  const formal = new Map(definition.qubits.map((q, i) => [q.name, qubits[i]]));
  const ops: UnitaryOp[] = [];
  for (const statement of bodyStatements(definition.body)) {
    if (statement.kind === "gateCall") {
      const prepared = prepareCall(statement, scope, ctx);
      const tuple = statement.operands.map((o) => formal.get(o.name) as number);
      const labels = statement.operands.map((o) => o.name);
      for (const op of expandCall(prepared, tuple, labels, ctx, loc)) ops.push(op);
    } else if (statement.kind === "barrier") {
      const operands = statement.operands.length > 0 ? statement.operands : definition.qubits;
      ops.push({ kind: "barrier", qubits: operands.map((o) => formal.get(o.name) as number), loc });
    }
    ctx.ensureRoom(ops.length);
  }
  const name = definition.name.name;
  return ops.map((op) => (op.kind === "gate" ? { ...op, definedIn: name } : op));
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
  const qubitNames = definition.qubits.map((q) => q.name);
  const scope = new Scope(ctx.globals, (n) =>
    qubitNames.includes(n) ? `a qubit argument of gate \`${definition.name.name}\`` : undefined,
  );
  for (const p of definition.params)
    scope.define(p.name, { kind: "gate parameter", value: NaN, loc: p.loc });
  for (const statement of bodyStatements(definition.body)) {
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
      if (!qubitNames.includes(operand.name)) {
        throw new QuantumError(
          "semantic",
          `\`${operand.name}\` is not a qubit argument of gate \`${definition.name.name}\` (its qubits are ${qubitNames.join(", ")})`,
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
