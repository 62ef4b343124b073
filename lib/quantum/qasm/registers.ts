/**
 * Qubit and bit registers: declaration (global indices in declaration order, as the IR wants),
 * and resolution of operands such as `q`, `q[2]` and `q[i + 1]` to global indices with the
 * range checks a learner needs ("q[5] is out of range: qreg q has 3 qubits (0..2)").
 */
import { LimitError, QuantumError } from "../errors";
import type { Register, SourceLocation } from "../ir";
import type { Limits } from "../limits";
import { type Expression, type IndexedIdentifier, type IndexSelector, isSelector } from "./ast";
import { evaluateInteger, type ValueScope } from "./expressions";
import { didYouMean } from "./suggest";

export type RegisterKind = "qubit" | "bit";

export interface RegisterSymbol {
  readonly kind: RegisterKind;
  readonly name: string;
  readonly size: number;
  readonly offset: number;
  /** `qubit q;` / `bit c;`: one element that cannot be indexed. */
  readonly single: boolean;
  /** How the learner declared it, for messages: "qreg q", "qubit[3] q", "bit c". */
  readonly declaration: string;
  readonly loc: SourceLocation;
  /** A subroutine's qubit argument: the global indices it stands for (offset is unused). */
  readonly indices?: readonly number[];
}

/** An operand resolved to global indices; `whole` when it named the entire register. */
export interface ResolvedOperand {
  readonly register: RegisterSymbol;
  readonly indices: readonly number[];
  readonly whole: boolean;
}

/** Classical registers beyond this size are not a learner's program (bitstrings get huge). */
export const MAX_REGISTER_BITS = 1024;

const unit = (kind: RegisterKind, n: number) => `${n} ${kind}${n === 1 ? "" : "s"}`;

export class Registers {
  private readonly byName = new Map<string, RegisterSymbol>();
  readonly qregs: Register[] = [];
  readonly cregs: Register[] = [];
  private readonly labels: Record<RegisterKind, string[]> = { qubit: [], bit: [] };

  constructor(private readonly limits: Limits) {}

  /** Qubit arguments of the subroutines being inlined, innermost last. */
  private readonly aliasFrames: ReadonlyMap<string, RegisterSymbol>[] = [];

  get(name: string): RegisterSymbol | undefined {
    if (this.aliasFrames.length === 0) return this.byName.get(name);
    return this.aliasFrames[this.aliasFrames.length - 1].get(name) ?? this.byName.get(name);
  }

  /** Runs `body` with subroutine arguments that shadow the registers of the same name. */
  withAliases<T>(aliases: ReadonlyMap<string, RegisterSymbol>, body: () => T): T {
    this.aliasFrames.push(aliases);
    try {
      return body();
    } finally {
      this.aliasFrames.pop();
    }
  }

  count(kind: RegisterKind): number {
    return this.labels[kind].length;
  }

  /** "q[2]" (or "q" for a single qubit): how messages name a global index. */
  label(kind: RegisterKind, index: number): string {
    return this.labels[kind][index];
  }

  declare(
    kind: RegisterKind,
    name: string,
    size: number,
    single: boolean,
    declaration: string,
    loc: SourceLocation,
  ): void {
    const labels = this.labels[kind];
    const total = labels.length + size;
    if (kind === "qubit" && total > this.limits.maxQubits) {
      throw new LimitError(
        "maxQubits",
        `the program declares ${total} qubits; the limit is maxQubits = ${this.limits.maxQubits}`,
        loc,
      );
    }
    if (kind === "bit" && total > MAX_REGISTER_BITS) {
      throw new QuantumError(
        "semantic",
        `the program declares ${total} bits; at most ${MAX_REGISTER_BITS} are supported`,
        loc,
      );
    }
    const symbol: RegisterSymbol = {
      kind,
      name,
      size,
      offset: labels.length,
      single,
      declaration,
      loc,
    };
    this.byName.set(name, symbol);
    (kind === "qubit" ? this.qregs : this.cregs).push({ name, size, offset: labels.length });
    for (let i = 0; i < size; i++) labels.push(single ? name : `${name}[${i}]`);
  }

  /** `q` → every index of q; `q[e]` → one index, range-checked. */
  resolve(operand: IndexedIdentifier, kind: RegisterKind, scope: ValueScope): ResolvedOperand {
    const register = this.get(operand.name);
    if (register === undefined || register.kind !== kind) {
      throw this.notARegister(operand, kind, scope);
    }
    const aliased = register.indices;
    const at = (i: number) => (aliased === undefined ? register.offset + i : aliased[i]);
    if (operand.index === undefined) {
      const indices =
        aliased ?? Array.from({ length: register.size }, (_, i) => register.offset + i);
      return { register, indices, whole: true };
    }
    if (register.single) {
      throw new QuantumError(
        "semantic",
        `\`${register.name}\` is a single ${kind}, not a register: write \`${register.name}\`, not \`${register.name}[...]\``,
        operand.index.loc,
      );
    }
    const index = operand.index;
    if (isSelector(index)) {
      const locals = this.selected(register, index, scope);
      return { register, indices: locals.map(at), whole: true };
    }
    const i = this.checkedIndex(register, evaluateInteger(index, scope, "an index"), index.loc);
    return {
      register,
      indices: [aliased === undefined ? register.offset + i : aliased[i]],
      whole: false,
    };
  }

  private checkedIndex(register: RegisterSymbol, i: number, loc: SourceLocation): number {
    if (i < 0 || i >= register.size) {
      throw new QuantumError(
        "semantic",
        `${register.name}[${i}] is out of range: ${register.declaration} has ${unit(register.kind, register.size)} (0..${register.size - 1})`,
        loc,
      );
    }
    return i;
  }

  /** The elements a slice `q[a:b]`, `q[a:s:b]` (inclusive) or a set `q[{a, b}]` selects. */
  private selected(register: RegisterSymbol, index: IndexSelector, scope: ValueScope): number[] {
    const locals: number[] = [];
    if (index.kind === "set") {
      for (const v of index.values) {
        locals.push(this.checkedIndex(register, evaluateInteger(v, scope, "an index"), v.loc));
      }
    } else {
      const bound = (e: Expression | undefined, fallback: number) =>
        e === undefined
          ? fallback
          : this.checkedIndex(register, evaluateInteger(e, scope, "a slice bound"), e.loc);
      const start = bound(index.start, 0);
      const end = bound(index.end, register.size - 1);
      const step =
        index.step === undefined ? 1 : evaluateInteger(index.step, scope, "a slice step");
      if (step === 0) {
        throw new QuantumError(
          "semantic",
          "a slice step cannot be 0",
          index.step?.loc ?? index.loc,
        );
      }
      for (let i = start; step > 0 ? i <= end : i >= end; i += step) locals.push(i);
    }
    if (locals.length === 0) {
      throw new QuantumError(
        "semantic",
        `this slice of \`${register.name}\` selects no ${register.kind}s`,
        index.loc,
      );
    }
    return locals;
  }

  private notARegister(operand: IndexedIdentifier, kind: RegisterKind, scope: ValueScope) {
    const other = this.get(operand.name);
    if (other !== undefined) {
      const message =
        kind === "qubit"
          ? `\`${operand.name}\` is a classical register; expected qubits here`
          : `\`${operand.name}\` is a qubit register; expected classical bits here`;
      return new QuantumError("semantic", message, operand.loc);
    }
    const description = scope.value(operand.name) !== undefined ? "a number" : undefined;
    if (description !== undefined) {
      return new QuantumError(
        "semantic",
        `\`${operand.name}\` is ${description}, not a ${kind} register`,
        operand.loc,
      );
    }
    const candidates = [...this.byName.values()].filter((r) => r.kind === kind).map((r) => r.name);
    return new QuantumError(
      "semantic",
      `unknown register \`${operand.name}\`${didYouMean(operand.name, candidates)}`,
      operand.loc,
    );
  }

  /** How a condition names bits: the register when they are all of it, else the elements. */
  bitsLabel(clbits: readonly number[]): string {
    const whole = this.cregs.find(
      (r) => r.size === clbits.length && clbits.every((bit, i) => bit === r.offset + i),
    );
    return whole?.name ?? clbits.map((bit) => this.label("bit", bit)).join(",");
  }

  /** What an expression that names a register is told ("`q` is a qubit register, not a number"). */
  describe(name: string): string | undefined {
    const register = this.get(name);
    if (register === undefined) return undefined;
    return register.kind === "qubit" ? "a qubit register" : "a classical register";
  }
}
