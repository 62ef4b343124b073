/**
 * Lowering: syntax tree → circuit IR. Walks the statements in order, declares registers and
 * values, unrolls `for` loops, applies `if` conditions and expands every gate call into standard
 * gates on global qubit indices (calls.ts). Each op carries the location of the statement that
 * produced it. The op count is checked as ops are produced, so a huge loop stops at the limit
 * instead of filling memory, and so is the work of producing them (budget.ts), so a program whose
 * loops or nested gates do far more work than their result shows stops too.
 */
import { evaluateAngle, inputAngle } from "../angle";
import { LimitError, QuantumError } from "../errors";
import type {
  Circuit,
  ClassicalExpr,
  CompileNote,
  Condition,
  ExpectationRequest,
  Op,
  SourceLocation,
} from "../ir";
import { assertNever } from "../ir";
import type { Limits } from "../limits";
import type {
  AssignmentStatement,
  Expression,
  ForStatement,
  GateCall,
  Identifier,
  IndexedIdentifier,
  Program,
  Statement,
  SubroutineDefinition,
  VariableDeclaration,
  WhileStatement,
} from "./ast";
import { statementWork, WorkBudget } from "./budget";
import {
  ClassicalExpressionBuilder,
  expressionText,
  type RuntimeVariable,
} from "./classical-expressions";
import { checkGateDefinition, expandCall, prepareCall, type CallContext } from "./calls";
import {
  ALWAYS,
  andGuards,
  conditionsOf,
  evaluateCondition,
  type Guard,
  guardBits,
  GuardBuilder,
  isConstantGuard,
  notGuard,
} from "./conditions";
import {
  BUILTIN_CONSTANTS,
  evaluate,
  evaluateInteger,
  evaluateSymbolic,
  format,
} from "./expressions";
import { wrapInteger } from "./casts";
import { GateTable } from "./gate-table";
import { HiddenBits } from "./hidden-bits";
import {
  assignedValue,
  assignmentTarget,
  assignsAny,
  collectNames,
  newVariable,
} from "./variables";
import { Registers, type RegisterSymbol, type ResolvedOperand } from "./registers";
import { Scope } from "./scope";
import { NoiseCollector, type QubitRef } from "./noise-pragma";
import { lowerPragma } from "./pragmas";

/** The most iterations a `while` loop may run (or is unrolled to, when it reads measured bits). */
export const MAX_WHILE_ITERATIONS = 64;

/** Elements of an `input array`: each is a slider on the page. */
export const MAX_INPUT_ARRAY = 64;

export interface LowerOptions {
  readonly params: Readonly<Record<string, number>>;
  readonly limits: Limits;
  /**
   * Compile for rebinding (lib/quantum/diff): inputs stay symbolic, ops whose angles depend on
   * them carry those angles as expressions, and `params` (optional then) only supply values to
   * check the program with.
   */
  readonly symbolic?: boolean;
}

export function lower(program: Program, options: LowerOptions): Circuit {
  return new Lowerer(program, options).run();
}

/**
 * A measurement under a condition wrote a bit the condition reads, so later ops under it would
 * test the new value. The `if`/`while` whose condition reads `clbit` lowers again with a latch.
 */
class GuardWrittenError extends QuantumError {
  constructor(
    message: string,
    loc: SourceLocation,
    readonly clbit: number,
  ) {
    super("unsupported", message, loc);
  }
}

/** What lowering a statement may change, to undo a trial that needs a latch instead. */
interface LoweringSnapshot {
  readonly ops: number;
  readonly variables: readonly {
    readonly variable: RuntimeVariable;
    readonly known: number | undefined;
    readonly bits: readonly number[] | undefined;
  }[];
  readonly expectations: number;
  readonly iterations: number;
  readonly notes: ReadonlyMap<string, CompileNote>;
  readonly guardWrites: ReadonlyMap<number, SourceLocation>;
  readonly scope: Scope;
  readonly nesting: number;
}

class Lowerer implements CallContext {
  readonly gates: GateTable;
  readonly globals: Scope;
  private readonly registers: Registers;
  private scope: Scope;
  private readonly ops: Op[] = [];
  private readonly inputs: { name: string; value: number }[] = [];
  /** Input values angles are evaluated at, in a program compiled for rebinding. */
  readonly inputValues: number[] = [];
  private readonly expectations: ExpectationRequest[] = [];
  private readonly noise = new NoiseCollector();
  private readonly budget: WorkBudget;
  private readonly subroutines = new Map<string, SubroutineDefinition>();
  /** Input arrays by name, with their sizes. */
  private readonly inputArrays = new Map<string, number>();
  /** Subroutines being inlined, innermost last, to refuse recursion. */
  private readonly callStack: string[] = [];
  /** One note per construct the simulation ignores, at its first use. */
  private readonly notes = new Map<string, CompileNote>();
  /** The guard of the current statement; undefined outside any condition. */
  private guard: Guard | undefined;
  /** The IR conditions of `guard`, one copy of each op per condition. */
  private conditions: readonly Condition[] = [];
  /** Bits the current guard reads that a measurement under it has written, and where. */
  private readonly guardWrites = new Map<number, SourceLocation>();
  /** How many `if`/`for`/block bodies enclose the current statement. */
  private nesting = 0;
  private iterations = 0;
  private statementLoc: SourceLocation = { line: 1, column: 1 };
  /** Latches and run-time variables' bits, placed after the declared bits at the end. */
  private readonly hidden = new HiddenBits();
  /**
   * The latch of each `if`/`while` that needed one. A statement lowered again (a loop body, a
   * subroutine called twice) reuses it: its uses never overlap, as recursion is refused.
   */
  private readonly latches = new Map<Statement, number>();
  /** Every integer variable declared so far, so a trial lowering can undo its assignments. */
  private readonly variables: RuntimeVariable[] = [];
  /** Hidden bits of each variable declaration, reused like `latches` when it is lowered again. */
  private readonly variableBits = new Map<VariableDeclaration, readonly number[]>();

  constructor(
    private readonly program: Program,
    private readonly options: LowerOptions,
  ) {
    this.gates = new GateTable(program.version);
    this.budget = new WorkBudget(options.limits.maxOperations);
    this.registers = new Registers(options.limits);
    this.globals = new Scope(
      undefined,
      (name) =>
        this.registers.describe(name) ??
        (this.inputArrays.has(name) ? `an input array (index it: \`${name}[0]\`)` : undefined),
    );
    this.scope = this.globals;
  }

  run(): Circuit {
    for (const statement of this.program.statements) {
      try {
        this.lowerStatement(statement);
      } catch (error) {
        throw locate(error, statement.loc);
      }
    }
    const noise = this.noise.build((ref) => this.noiseQubits(ref));
    const numClbits = this.registers.count("bit");
    return {
      version: this.program.version,
      numQubits: this.registers.count("qubit"),
      numClbits,
      ...(this.hidden.size > 0 ? { hiddenClbits: this.hidden.size } : {}),
      qregs: this.registers.qregs,
      cregs: this.registers.cregs,
      ops: this.hidden.place(this.ops, numClbits),
      inputs: this.inputs,
      expectations: this.expectations,
      ...(noise ? { noise } : {}),
      ...(this.notes.size > 0 ? { notes: [...this.notes.values()] } : {}),
    };
  }

  /** A `#pragma noise readout` qubit, resolved once every register is declared. */
  private noiseQubits(ref: QubitRef): readonly number[] {
    if (ref.kind === "global") {
      const n = this.registers.count("qubit");
      if (ref.index >= n) {
        throw new QuantumError(
          "semantic",
          `qubit $${ref.index} does not exist: the program has ${n} qubit${n === 1 ? "" : "s"} ($0..$${n - 1})`,
          ref.loc,
        );
      }
      return [ref.index];
    }
    const index =
      ref.index === undefined
        ? undefined
        : { kind: "number" as const, value: ref.index, loc: ref.loc };
    return this.registers.resolve({ name: ref.name, index, loc: ref.loc }, "qubit", this.globals)
      .indices;
  }

  ensureRoom(count: number): void {
    const max = this.options.limits.maxOperations;
    if (this.ops.length + count > max) {
      throw new LimitError(
        "maxOperations",
        `the program has more than ${max} operations after unrolling loops and gates; the limit is maxOperations = ${max}`,
        this.statementLoc,
      );
    }
  }

  spend(units: number): void {
    this.budget.spend(units, this.statementLoc);
  }

  private emit(op: Op): void {
    if (this.guard === undefined) {
      this.ensureRoom(1);
      this.ops.push(op);
      return;
    }
    this.checkGuardUnwritten(op);
    this.ensureRoom(this.conditions.length);
    for (const condition of this.conditions) this.ops.push({ ...op, condition });
    if (op.kind === "measure" && guardBits(this.guard).has(op.clbit)) {
      this.guardWrites.set(op.clbit, op.loc);
    }
  }

  /**
   * Every op under a guard tests the bits when it runs, so an op after a measurement that wrote
   * one of them would see the new value, not the one the condition was written about.
   */
  private checkGuardUnwritten(op: Op): void {
    if (this.guardWrites.size === 0 || this.guard === undefined) return;
    for (const bit of guardBits(this.guard)) {
      const at = this.guardWrites.get(bit);
      if (at === undefined) continue;
      const name = this.registers.label("bit", bit);
      throw new GuardWrittenError(
        `\`${name}\` was measured at line ${at.line} under a condition that reads it; statements after that measurement under the same condition are not supported (they would test the new value). Measure last, or after the \`if\``,
        op.loc,
        bit,
      );
    }
  }

  /** Runs `body` with `guard` added to the current one. */
  private underGuard(guard: Guard, body: () => void): void {
    const saved = this.guard;
    const combined = andGuards(saved ?? ALWAYS, guard);
    const always = combined.length === 1 && combined[0].size === 0;
    this.guard = always ? undefined : combined;
    this.conditions =
      this.guard === undefined ? [] : conditionsOf(this.guard, this.registers, this.hidden);
    try {
      body();
    } finally {
      this.guard = saved;
      this.conditions = saved === undefined ? [] : conditionsOf(saved, this.registers, this.hidden);
    }
  }

  private lowerStatement(s: Statement): void {
    if (this.nesting === 0) {
      this.statementLoc = s.loc;
      if (this.guardWrites.size > 0) this.guardWrites.clear();
    }
    this.spend(statementWork(s));
    switch (s.kind) {
      case "include":
        this.topLevelOnly(s.loc, "`include`");
        for (const definition of this.gates.include(s.path, s.loc)) {
          checkGateDefinition(definition, this);
          this.gates.define(definition, s.path);
        }
        return;
      case "qubitDeclaration":
        return this.declareRegister(s);
      case "bitDeclaration":
        this.declareRegister(s);
        if (s.measure !== undefined) this.lowerMeasure(s.measure);
        if (s.call !== undefined) this.lowerSubroutineCall(s.call);
        return;
      case "constDeclaration":
        return this.declareConst(s);
      case "variableDeclaration":
        return this.declareVariable(s);
      case "assignment":
        return this.lowerAssignment(s);
      case "inputDeclaration":
        return this.declareInput(s);
      case "gateDefinition":
        checkGateDefinition(s, this);
        this.gates.define(s);
        return;
      case "gateCall":
        if (this.subroutines.has(s.name.name)) return this.lowerSubroutineCall(s);
        return this.lowerGateCall(s);
      case "subroutineDefinition":
        return this.defineSubroutine(s);
      case "return":
        // The parser allows `return` only in a subroutine, whose inlining handles it.
        throw new QuantumError("semantic", "`return` outside a subroutine", s.loc);
      case "measure":
        return this.lowerMeasure(s);
      case "reset":
        for (const q of this.registers.resolve(s.operand, "qubit", this.scope).indices) {
          this.emit({ kind: "reset", qubit: q, loc: s.loc });
        }
        return;
      case "barrier":
        return this.lowerBarrier(s);
      case "if":
        return this.lowerIf(s);
      case "for":
        return this.lowerFor(s);
      case "while":
        return this.lowerWhile(s);
      case "block":
        return this.inBlock(new Scope(this.scope), () => this.lowerBody(s.body));
      case "box":
        this.note("box", s.loc);
        return this.inBlock(new Scope(this.scope), () => this.lowerBody(s.body));
      case "timing":
        // The operands must exist even though nothing happens to them.
        for (const operand of s.operands) this.registers.resolve(operand, "qubit", this.scope);
        this.note(s.construct, s.loc);
        return;
      case "pragma": {
        const lowered = lowerPragma(s, this.nesting === 0);
        if (lowered.kind === "expect") this.expectations.push(lowered.request);
        else this.noise.add(lowered.pragma, s.loc);
        return;
      }
      default:
        assertNever(s, "statement");
    }
  }

  private note(key: string, loc: SourceLocation, message?: string): void {
    if (this.notes.has(key)) return;
    const text =
      message ??
      `\`${key}\` (line ${loc.line}) is accepted but has no effect: the simulation has no notion of time`;
    this.notes.set(key, { message: text, loc });
  }

  private lowerBody(body: readonly Statement[]): void {
    for (const statement of body) this.lowerStatement(statement);
  }

  private inBlock(scope: Scope, run: () => void): void {
    const saved = this.scope;
    this.scope = scope;
    this.nesting++;
    run();
    this.nesting--;
    this.scope = saved;
  }

  private topLevelOnly(loc: SourceLocation, what: string): void {
    if (this.nesting > 0) {
      throw new QuantumError("semantic", `${what} is only allowed at the top level`, loc);
    }
  }

  /** Names share one namespace: registers, constants, inputs and loop variables. */
  private checkFree(id: Identifier): void {
    if (BUILTIN_CONSTANTS.has(id.name)) {
      throw new QuantumError("semantic", `\`${id.name}\` is a built-in constant`, id.loc);
    }
    const earlier = this.registers.get(id.name)?.loc ?? this.scope.find(id.name)?.loc;
    if (earlier !== undefined) {
      throw new QuantumError(
        "semantic",
        `\`${id.name}\` is already declared (line ${earlier.line})`,
        id.loc,
      );
    }
  }

  private declareRegister(s: Extract<Statement, { kind: "qubitDeclaration" | "bitDeclaration" }>) {
    const kind = s.kind === "qubitDeclaration" ? "qubit" : "bit";
    this.topLevelOnly(s.loc, `declaring ${kind}s`);
    this.checkFree(s.name);
    const size = s.size === undefined ? 1 : evaluateInteger(s.size, this.scope, "a register size");
    if (size < 1) {
      throw new QuantumError(
        "semantic",
        `a register needs at least 1 ${kind}, got ${size}`,
        s.size?.loc ?? s.loc,
      );
    }
    const name = s.name.name;
    const declaration =
      s.style === "qreg" || s.style === "creg"
        ? `${s.style} ${name}`
        : `${s.style}${s.size === undefined ? "" : `[${size}]`} ${name}`;
    this.registers.declare(
      kind,
      name,
      size,
      s.size === undefined && s.style !== "qreg" && s.style !== "creg",
      declaration,
      s.loc,
    );
  }

  private declareConst(s: Extract<Statement, { kind: "constDeclaration" }>): void {
    this.checkFree(s.name);
    if (this.options.symbolic && s.type === "float") {
      // A float constant may stand for an input-dependent angle.
      const angle = evaluateSymbolic(s.value, this.scope);
      if (typeof angle !== "number") {
        const value = evaluateAngle(angle, this.inputValues);
        this.scope.define(s.name.name, { kind: "const", value, loc: s.name.loc, angle });
        return;
      }
    }
    const value = evaluate(s.value, this.scope);
    if (s.type !== "float" && !Number.isInteger(value)) {
      throw new QuantumError(
        "semantic",
        `\`const ${s.type} ${s.name.name}\` must be an integer, got ${format(value)}`,
        s.value.loc,
      );
    }
    if (s.type === "uint" && value < 0) {
      throw new QuantumError(
        "semantic",
        `\`const uint ${s.name.name}\` cannot be negative, got ${format(value)}`,
        s.value.loc,
      );
    }
    this.scope.define(s.name.name, { kind: "const", value, loc: s.name.loc });
  }

  /**
   * `int[8] n = 0;`: a variable that starts as a compile-time value (0 when no value is given;
   * OpenQASM leaves it undefined) and stays one until an assignment depends on the run.
   */
  private declareVariable(s: VariableDeclaration): void {
    this.checkFree(s.name);
    const variable = newVariable(s, this.scope);
    if (s.value !== undefined) this.assign(variable, s.value, `${s.name.name} = …`, s.loc);
    // Defined after its value is read: `int x = x;` names an earlier `x` or fails.
    this.scope.define(s.name.name, { kind: "variable", value: NaN, loc: s.name.loc, variable });
    this.variables.push(variable);
  }

  /** `x = e;`, `x += e;` … on an `int`/`uint` variable. */
  private lowerAssignment(s: AssignmentStatement): void {
    const variable = assignmentTarget(s, this.registers, this.scope);
    const label = `${s.target.name} ${s.op} ${expressionText(s.value)}`;
    this.assign(variable, assignedValue(s), label, s.loc);
  }

  /**
   * Gives `variable` the value of `value`. Unconditionally assigned a value known at compile
   * time, it stays a compile-time value (no op, nothing slower). Otherwise it becomes a run-time
   * value in hidden bits, written by a `classical` op under the current condition.
   */
  private assign(
    variable: RuntimeVariable,
    value: Expression,
    label: string,
    loc: SourceLocation,
  ): void {
    const expr = this.classicalExpressions().build(value);
    if (this.guard === undefined && expr.kind === "const") {
      variable.known = wrapInteger(expr.value, variable.width, variable.signed);
      return;
    }
    const bits = this.bitsOf(variable);
    if (variable.known !== undefined) {
      // Until now the value was the same in every shot, so it is stored with no condition; the
      // assignment below may then run in some shots only.
      this.ensureRoom(1);
      const known = variable.known;
      this.ops.push({
        kind: "classical",
        targets: bits,
        expr: { kind: "const", value: known },
        label: `${variable.name} = ${known}`,
        loc,
      });
      variable.known = undefined;
    }
    this.emitClassical(bits, expr, label, loc);
  }

  private bitsOf(variable: RuntimeVariable): readonly number[] {
    if (variable.bits !== undefined) return variable.bits;
    let bits = this.variableBits.get(variable.declaration);
    if (bits === undefined) {
      bits = this.hidden.allocate(variable.width);
      this.variableBits.set(variable.declaration, bits);
    }
    variable.bits = bits;
    return bits;
  }

  /**
   * `input float x;` binds `x`; `input array[float, n] x;` binds `x[0]` … `x[n-1]`, each an
   * input of its own (a slider each, a parameter each), which `x[i]` in an expression reads.
   */
  private declareInput(s: Extract<Statement, { kind: "inputDeclaration" }>): void {
    this.topLevelOnly(s.loc, "`input`");
    this.checkFree(s.name);
    if (s.size === undefined) {
      this.bindInput(s.name.name, s.name.loc);
      return;
    }
    const size = evaluateInteger(s.size, this.scope, "an array size");
    if (size < 1 || size > MAX_INPUT_ARRAY) {
      throw new QuantumError(
        "semantic",
        `an input array has 1 to ${MAX_INPUT_ARRAY} elements, got ${size}`,
        s.size.loc,
      );
    }
    this.inputArrays.set(s.name.name, size);
    for (let i = 0; i < size; i++) this.bindInput(`${s.name.name}[${i}]`, s.name.loc);
  }

  private bindInput(name: string, loc: SourceLocation): void {
    const s = { name: { name, loc } };
    const value = Object.prototype.hasOwnProperty.call(this.options.params, name)
      ? this.options.params[name]
      : undefined;
    if (value === undefined && !this.options.symbolic) {
      throw new QuantumError("unbound-input", `input \`${name}\` has no value`, s.name.loc);
    }
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
      throw new QuantumError(
        "semantic",
        `input \`${name}\` must be a finite number, got ${String(value)}`,
        s.name.loc,
      );
    }
    const bound = value ?? NaN;
    if (this.options.symbolic) {
      const angle = inputAngle(this.inputs.length, name);
      this.globals.define(name, { kind: "input", value: bound, loc: s.name.loc, angle });
      this.inputValues.push(bound);
    } else {
      this.globals.define(name, { kind: "input", value: bound, loc: s.name.loc });
    }
    this.inputs.push({ name, value: bound });
  }

  private lowerGateCall(call: GateCall): void {
    const prepared = prepareCall(call, this.scope, this);
    const operands = call.operands.map((o) => this.registers.resolve(o, "qubit", this.scope));
    const count = broadcastCount(operands, call.name.name, "qubit", call);
    for (let t = 0; t < count; t++) {
      const tuple = operands.map((o) => (o.whole ? o.indices[t] : o.indices[0]));
      const labels = tuple.map((q) => this.registers.label("qubit", q));
      for (const op of expandCall(prepared, tuple, labels, this, call.loc)) this.emit(op);
    }
  }

  private lowerMeasure(s: Extract<Statement, { kind: "measure" }>): void {
    // Qubits first, so an error names them first (measureInto resolves them again).
    this.registers.resolve(s.qubit, "qubit", this.scope);
    const bits = this.registers.resolve(s.target, "bit", this.scope);
    this.measureInto(s.qubit, bits, s.target, s.loc);
  }

  private measureInto(
    qubit: IndexedIdentifier,
    bits: ResolvedOperand,
    targetOperand: IndexedIdentifier,
    loc: SourceLocation,
  ): void {
    const s = { qubit, target: targetOperand, loc };
    const qubits = this.registers.resolve(s.qubit, "qubit", this.scope);
    if (qubits.indices.length !== bits.indices.length) {
      throw new QuantumError(
        "semantic",
        `\`measure\` needs one bit per qubit: ${describeOperand(qubits, "qubit")} but ${describeOperand(bits, "bit")}`,
        s.target.loc,
      );
    }
    qubits.indices.forEach((qubit, i) => {
      this.emit({ kind: "measure", qubit, clbit: bits.indices[i], loc: s.loc });
    });
  }

  private lowerBarrier(s: Extract<Statement, { kind: "barrier" }>): void {
    const qubits: number[] = [];
    if (s.operands.length === 0) {
      for (let q = 0; q < this.registers.count("qubit"); q++) qubits.push(q);
    }
    for (const operand of s.operands) {
      for (const q of this.registers.resolve(operand, "qubit", this.scope).indices) {
        if (!qubits.includes(q)) qubits.push(q);
      }
    }
    if (qubits.length > 0) this.emit({ kind: "barrier", qubits, loc: s.loc });
  }

  /**
   * `if`/`else`, nested and chained (`else if`): each branch runs under the current guard and
   * its condition (or the negation). A branch that can never run is still checked.
   */
  private lowerIf(s: Extract<Statement, { kind: "if" }>): void {
    const classical = this.classicalExpressions();
    if (classical.readsRuntimeVariable(s.condition)) return this.lowerLatchedIf(s);
    if (classical.mentionsVariable(s.condition) && !classical.readsRuntime(s.condition)) {
      // Variables known at compile time: folded with every integer operator (`n % 2 == 0`).
      return this.lowerBranches(s, this.constantCondition(s.condition) ? ALWAYS : []);
    }
    const condition = new GuardBuilder(this.registers, this.scope).guardOf(s.condition);
    this.withLatchFallback(
      guardBits(condition),
      () => this.lowerBranches(s, condition),
      () => this.lowerLatchedIf(s),
    );
  }

  /**
   * An `if` whose condition depends on the run in a way conditions on bits cannot test once per
   * op (it reads run-time integers, or its body measures into bits it reads): the condition is
   * evaluated once into a latch, and the branches test the latch.
   */
  private lowerLatchedIf(s: Extract<Statement, { kind: "if" }>): void {
    const text = expressionText(s.condition);
    const latch = this.latchFor(s, text);
    const value = this.classicalExpressions().condition(s.condition);
    this.emitClassical([latch], value, `if (${text})`, s.loc);
    this.lowerBranches(s, [new Map([[latch, 1]])]);
  }

  private lowerBranches(s: Extract<Statement, { kind: "if" }>, condition: Guard): void {
    this.underGuard(condition, () =>
      this.inBlock(new Scope(this.scope), () => this.lowerBody(s.then)),
    );
    const otherwise = s.else;
    if (otherwise !== undefined) {
      this.underGuard(notGuard(condition), () =>
        this.inBlock(new Scope(this.scope), () => this.lowerBody(otherwise)),
      );
    }
  }

  private defineSubroutine(s: SubroutineDefinition): void {
    this.checkFree(s.name);
    if (this.gates.get(s.name.name) !== undefined || this.subroutines.has(s.name.name)) {
      throw new QuantumError(
        "semantic",
        `\`${s.name.name}\` is already defined as a gate or subroutine`,
        s.name.loc,
      );
    }
    checkReturns(s);
    this.subroutines.set(s.name.name, s);
  }

  /**
   * A subroutine call, inlined: values are bound in a scope that sees only the globals, qubit
   * arguments alias the caller's qubits, and `return measure q;` measures into the call's target.
   */
  private lowerSubroutineCall(call: GateCall): void {
    const name = call.name.name;
    const definition = this.subroutines.get(name);
    if (definition === undefined) throw new Error(`no subroutine ${name}`);
    if (call.modifiers.length > 0 || call.operands.length > 0) {
      const loc = call.modifiers[0]?.loc ?? call.operands[0].loc;
      throw new QuantumError(
        "semantic",
        `\`${name}\` is a subroutine: pass every argument in parentheses, \`${name}(...)\`, without modifiers`,
        loc,
      );
    }
    if (call.args.length !== definition.params.length) {
      throw new QuantumError(
        "semantic",
        `subroutine \`${name}\` takes ${definition.params.length} argument${definition.params.length === 1 ? "" : "s"}, got ${call.args.length}`,
        call.name.loc,
      );
    }
    if (this.callStack.includes(name)) {
      throw new QuantumError(
        "unsupported",
        `recursive subroutines (\`${name}\`) are not supported`,
        call.loc,
      );
    }
    const returned = definition.body.at(-1);
    const returnsMeasure = returned?.kind === "return" && returned.measure !== undefined;
    if (returnsMeasure && call.target === undefined) {
      throw new QuantumError(
        "semantic",
        `\`${name}\` returns a measurement: put it in bits, \`c = ${name}(...);\``,
        call.loc,
      );
    }
    if (!returnsMeasure && call.target !== undefined) {
      throw new QuantumError("semantic", `\`${name}\` returns nothing`, call.loc);
    }
    const target =
      call.target === undefined
        ? undefined
        : this.registers.resolve(call.target, "bit", this.scope);
    const scope = new Scope(this.globals);
    const aliases = new Map<string, RegisterSymbol>();
    definition.params.forEach((param, i) => {
      const arg = call.args[i];
      if (param.type === "value") {
        const angle = evaluateSymbolic(arg, this.scope);
        if (typeof angle === "number") {
          scope.define(param.name.name, { kind: "const", value: angle, loc: param.name.loc });
        } else {
          const value = evaluateAngle(angle, this.inputValues);
          scope.define(param.name.name, { kind: "const", value, loc: param.name.loc, angle });
        }
        return;
      }
      aliases.set(param.name.name, this.qubitArgument(param, arg, name));
    });
    this.callStack.push(name);
    try {
      this.registers.withAliases(aliases, () =>
        this.inBlock(scope, () => {
          for (const statement of definition.body) {
            if (statement.kind !== "return") {
              this.lowerStatement(statement);
            } else if (statement.measure !== undefined && target !== undefined) {
              this.spend(statementWork(statement));
              this.measureInto(
                statement.measure,
                target,
                call.target ?? statement.measure,
                statement.loc,
              );
            }
          }
        }),
      );
    } finally {
      this.callStack.pop();
    }
  }

  /** A qubit argument of a subroutine call as an alias of the caller's qubits. */
  private qubitArgument(
    param: SubroutineDefinition["params"][number],
    arg: Expression,
    subroutine: string,
  ): RegisterSymbol {
    if (arg.kind !== "identifier" && arg.kind !== "index") {
      throw new QuantumError(
        "semantic",
        `\`${param.name.name}\` of \`${subroutine}\` takes qubits: pass a register, \`q[i]\` or a slice`,
        arg.loc,
      );
    }
    const operand: IndexedIdentifier =
      arg.kind === "index"
        ? { name: arg.target.name, index: arg.index, loc: arg.loc }
        : { name: arg.name, loc: arg.loc };
    const indices = this.registers.resolve(operand, "qubit", this.scope).indices;
    const size =
      param.size === undefined ? 1 : evaluateInteger(param.size, this.globals, "a register size");
    if (indices.length !== size) {
      throw new QuantumError(
        "semantic",
        `\`${param.name.name}\` of \`${subroutine}\` takes ${size} qubit${size === 1 ? "" : "s"}, got ${indices.length}`,
        arg.loc,
      );
    }
    const declaration = `qubit${param.size === undefined ? "" : `[${size}]`} ${param.name.name}`;
    return {
      kind: "qubit",
      name: param.name.name,
      size,
      offset: -1,
      single: param.size === undefined,
      declaration,
      loc: param.name.loc,
      indices,
    };
  }

  /**
   * `while`, unrolled. A condition known at compile time is evaluated before each iteration and
   * may hold at most MAX_WHILE_ITERATIONS times. One that reads measured bits is unrolled
   * MAX_WHILE_ITERATIONS times (with a note): each copy runs under the condition, so once it
   * fails no copy runs, and a shot runs exactly the iterations it needs, up to the bound.
   * When the body measures into the condition's bits before other statements (repeat-until-
   * success with several flags), or the condition reads run-time integers, each iteration
   * evaluates the condition once into a latch instead (lowerLatchedWhile).
   */
  private lowerWhile(s: WhileStatement): void {
    const classical = this.classicalExpressions();
    if (classical.mentionsVariable(s.condition)) {
      if (classical.readsRuntime(s.condition)) this.checkWhileCanEnd(s);
      return this.lowerLatchedWhile(s);
    }
    const condition = new GuardBuilder(this.registers, this.scope).guardOf(s.condition);
    if (isConstantGuard(condition)) return this.lowerLatchedWhile(s);
    if (!this.measuresAny(s.body, guardBits(condition))) {
      throw new QuantumError(
        "semantic",
        "this `while` condition reads bits its body never measures into, so once it holds it holds forever",
        s.condition.loc,
      );
    }
    this.withLatchFallback(
      guardBits(condition),
      () => this.lowerGuardedWhile(s, condition),
      () => this.lowerLatchedWhile(s),
    );
  }

  /** Every iteration's ops under the condition itself (see lowerWhile). */
  private lowerGuardedWhile(s: WhileStatement, condition: Guard): void {
    const outerBits = this.guard === undefined ? new Set<number>() : guardBits(this.guard);
    for (let i = 0; i < MAX_WHILE_ITERATIONS; i++) {
      this.countIteration(s.loc, "`while`");
      // Bits the condition reads were measured by the previous iteration: that is how it ends.
      for (const bit of guardBits(condition)) if (!outerBits.has(bit)) this.guardWrites.delete(bit);
      this.underGuard(condition, () =>
        this.inBlock(new Scope(this.scope), () => this.lowerBody(s.body)),
      );
    }
    this.noteUnrolled(s);
  }

  /**
   * Iterations under a latch: once the condition depends on the run, each iteration sets the
   * latch to the condition (while the latch still holds) and its body runs under the latch, so
   * what the body measures or assigns cannot stop the iteration halfway. While the condition is
   * known at compile time it is simply evaluated, and the body runs under the enclosing guard.
   */
  private lowerLatchedWhile(s: WhileStatement): void {
    let latch: number | undefined;
    const text = expressionText(s.condition);
    for (let i = 0; ; i++) {
      const classical = this.classicalExpressions();
      const runtime = classical.readsRuntime(s.condition);
      if (!runtime && !this.constantCondition(s.condition)) return;
      if (i === MAX_WHILE_ITERATIONS) {
        if (latch !== undefined) return this.noteUnrolled(s);
        throw new QuantumError(
          "semantic",
          `this \`while\` loop is still running after ${MAX_WHILE_ITERATIONS} iterations, the bound on \`while\` loops (its condition never changes)`,
          s.loc,
        );
      }
      this.countIteration(s.loc, "`while`");
      const held: Guard = latch === undefined ? ALWAYS : [new Map([[latch, 1]])];
      if (runtime) {
        const bit = (latch ??= this.latchFor(s, text));
        const value = classical.condition(s.condition);
        this.underGuard(held, () => this.emitClassical([bit], value, `while (${text})`, s.loc));
      }
      const body: Guard = latch === undefined ? ALWAYS : [new Map([[latch, 1]])];
      this.underGuard(body, () =>
        this.inBlock(new Scope(this.scope), () => this.lowerBody(s.body)),
      );
    }
  }

  private noteUnrolled(s: WhileStatement): void {
    this.note(
      `while:${s.loc.line}:${s.loc.column}`,
      s.loc,
      `\`while\` (line ${s.loc.line}) reads measured bits, so it is unrolled to ${MAX_WHILE_ITERATIONS} iterations; a shot still looping after that leaves the loop`,
    );
  }

  /** A condition that does not depend on the run, evaluated now. */
  private constantCondition(expr: Expression): boolean {
    const classical = this.classicalExpressions();
    if (!classical.mentionsVariable(expr)) return evaluateCondition(expr, this.scope);
    const value = classical.condition(expr);
    return value.kind === "const" && value.value !== 0;
  }

  private classicalExpressions(): ClassicalExpressionBuilder {
    return new ClassicalExpressionBuilder(this.registers, this.scope);
  }

  /** The latch of `s`, allocated on first use (see `latches`). */
  private latchFor(s: Statement, text: string): number {
    let bit = this.latches.get(s);
    if (bit === undefined) {
      bit = this.hidden.latch(text);
      this.latches.set(s, bit);
    }
    return bit;
  }

  private emitClassical(
    targets: readonly number[],
    expr: ClassicalExpr,
    label: string,
    loc: SourceLocation,
  ): void {
    this.emit({ kind: "classical", targets, expr, label, loc });
  }

  /**
   * Lowers with `plain` (conditions on the measured bits themselves, which every exporter can
   * write); if a measurement under the statement's own condition (reading `bits`) would change
   * it for the statements after it, undoes that and lowers with `latched` instead. The work
   * budget keeps what the trial spent, so a retried statement counts twice.
   */
  private withLatchFallback(
    bits: ReadonlySet<number>,
    plain: () => void,
    latched: () => void,
  ): void {
    const saved = this.snapshot();
    try {
      plain();
    } catch (error) {
      if (!(error instanceof GuardWrittenError) || !bits.has(error.clbit)) throw error;
      this.restore(saved);
      latched();
    }
  }

  private snapshot(): LoweringSnapshot {
    return {
      ops: this.ops.length,
      variables: this.variables.map((variable) => ({
        variable,
        known: variable.known,
        bits: variable.bits,
      })),
      expectations: this.expectations.length,
      iterations: this.iterations,
      notes: new Map(this.notes),
      guardWrites: new Map(this.guardWrites),
      scope: this.scope,
      nesting: this.nesting,
    };
  }

  private restore(saved: LoweringSnapshot): void {
    this.ops.length = saved.ops;
    this.variables.length = saved.variables.length;
    for (const { variable, known, bits } of saved.variables) {
      variable.known = known;
      variable.bits = bits;
    }
    this.expectations.length = saved.expectations;
    this.iterations = saved.iterations;
    this.notes.clear();
    for (const [key, note] of saved.notes) this.notes.set(key, note);
    this.guardWrites.clear();
    for (const [bit, loc] of saved.guardWrites) this.guardWrites.set(bit, loc);
    this.scope = saved.scope;
    this.nesting = saved.nesting;
  }

  /**
   * A run-time condition over variables (and perhaps bits) that the body changes none of holds
   * forever once it holds; refused like a condition on bits the body never measures into.
   */
  private checkWhileCanEnd(s: WhileStatement): void {
    const names = new Set<string>();
    collectNames(s.condition, names);
    const bits = new Set<number>();
    for (const name of names) {
      const register = this.registers.get(name);
      if (register?.kind !== "bit") continue;
      for (let b = register.offset; b < register.offset + register.size; b++) bits.add(b);
    }
    if (assignsAny(s.body, names) || this.measuresAny(s.body, bits)) return;
    throw new QuantumError(
      "semantic",
      "this `while` condition reads values its body never changes, so once it holds it holds forever",
      s.condition.loc,
    );
  }

  /** Whether `body` (nested statements included) measures into any register holding `bits`. */
  private measuresAny(body: readonly Statement[], bits: ReadonlySet<number>): boolean {
    return body.some((s) => {
      switch (s.kind) {
        case "measure":
        case "gateCall": {
          // A subroutine call writes its target. By register: an index may name a loop
          // variable not bound yet.
          if (s.target === undefined) return false;
          const register = this.registers.get(s.target.name);
          if (register?.kind !== "bit") return false;
          for (let b = register.offset; b < register.offset + register.size; b++) {
            if (bits.has(b)) return true;
          }
          return false;
        }
        case "if":
          return this.measuresAny(s.then, bits) || this.measuresAny(s.else ?? [], bits);
        case "for":
        case "while":
        case "block":
        case "box":
          return this.measuresAny(s.body, bits);
        default:
          return false;
      }
    });
  }

  private countIteration(loc: SourceLocation, what: string): void {
    const max = this.options.limits.maxOperations;
    if (++this.iterations > max) {
      throw new LimitError(
        "maxOperations",
        `${what} loops run more than ${max} iterations in total; the limit is maxOperations = ${max}`,
        loc,
      );
    }
  }

  private lowerFor(s: ForStatement): void {
    this.checkFree(s.variable);
    const values = this.loopValues(s);
    const loopScope = new Scope(this.scope);
    const max = this.options.limits.maxOperations;
    for (const value of values) {
      if (++this.iterations > max) {
        throw new LimitError(
          "maxOperations",
          `\`for\` loops run more than ${max} iterations in total; the limit is maxOperations = ${max}`,
          s.loc,
        );
      }
      loopScope.define(s.variable.name, { kind: "loop variable", value, loc: s.variable.loc });
      this.inBlock(new Scope(loopScope), () => this.lowerBody(s.body));
    }
  }

  /** The values of the loop variable, produced lazily so a huge range costs nothing up front. */
  private *loopValues(s: ForStatement): Generator<number> {
    const iterable = s.iterable;
    if (iterable.kind === "set") {
      for (const e of iterable.values) yield evaluateInteger(e, this.scope, "a loop value");
      return;
    }
    const start = evaluateInteger(iterable.start, this.scope, "the start of a range");
    const end = evaluateInteger(iterable.end, this.scope, "the end of a range");
    const step =
      iterable.step === undefined ? 1 : evaluateInteger(iterable.step, this.scope, "a range step");
    if (step === 0) {
      throw new QuantumError("semantic", "a range step cannot be 0", iterable.step?.loc ?? s.loc);
    }
    for (let i = start; step > 0 ? i <= end : i >= end; i += step) yield i;
  }
}

/** `return` may only be the last statement of a subroutine's body, and must match `->`. */
function checkReturns(s: SubroutineDefinition): void {
  const check = (body: readonly Statement[], top: boolean) => {
    body.forEach((statement, i) => {
      if (statement.kind === "return" && !(top && i === body.length - 1)) {
        throw new QuantumError(
          "unsupported",
          "`return` is only supported as the last statement of a subroutine",
          statement.loc,
        );
      }
      if (statement.kind === "if") {
        check(statement.then, false);
        check(statement.else ?? [], false);
      }
      if (statement.kind === "for" || statement.kind === "while" || statement.kind === "block") {
        check(statement.body, false);
      }
    });
  };
  check(s.body, true);
  const last = s.body.at(-1);
  const returnsMeasure = last?.kind === "return" && last.measure !== undefined;
  if (s.returns !== undefined && !returnsMeasure) {
    throw new QuantumError(
      "semantic",
      `\`${s.name.name}\` declares \`-> bit\` but does not end with \`return measure ...;\``,
      s.returns.loc,
    );
  }
  if (s.returns === undefined && returnsMeasure && last !== undefined) {
    throw new QuantumError(
      "semantic",
      `\`${s.name.name}\` returns a measurement: declare it, \`def ${s.name.name}(...) -> bit\``,
      last.loc,
    );
  }
}

/** How many times a call repeats over its register operands, which must agree in size. */
function broadcastCount(
  operands: readonly ResolvedOperand[],
  name: string,
  kind: "qubit",
  call: GateCall,
): number {
  let count = 1;
  let first: ResolvedOperand | undefined;
  operands.forEach((o, i) => {
    if (!o.whole) return;
    if (first === undefined) {
      first = o;
      count = o.indices.length;
    } else if (o.indices.length !== count) {
      throw new QuantumError(
        "semantic",
        `cannot apply \`${name}\` to registers of different sizes: ${first.register.name} has ${count} ${kind}s, ${o.register.name} has ${o.indices.length}`,
        call.operands[i].loc,
      );
    }
  });
  return count;
}

function describeOperand(o: ResolvedOperand, kind: "qubit" | "bit"): string {
  const n = o.indices.length;
  const name = o.whole ? o.register.name : "the operand";
  return `${name} has ${n} ${kind}${n === 1 ? "" : "s"}`;
}

/**
 * Errors raised below the front end (gate matrices, matrix powers) carry no location; they get
 * the location of the top-level statement being lowered, so every error points somewhere.
 */
function locate(error: unknown, loc: SourceLocation): unknown {
  if (!(error instanceof QuantumError) || error.loc !== undefined) return error;
  if (error instanceof LimitError) return new LimitError(error.limit, error.message, loc);
  return new QuantumError(error.code, error.message, loc, { cause: error });
}
