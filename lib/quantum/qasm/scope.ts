/**
 * Scopes of compile-time values (constants, inputs, loop variables, gate parameters), chained
 * from the innermost block outwards. Registers and gates are not values and live elsewhere; the
 * `describe` hook lets an expression that names one say so ("`q` is a qubit register").
 */
import type { AngleExpr } from "../angle";
import type { SourceLocation } from "../ir";
import type { RuntimeVariable } from "./classical-expressions";
import type { ValueScope } from "./expressions";

export type ValueKind = "const" | "input" | "loop variable" | "gate parameter" | "variable";

export interface ValueSymbol {
  readonly kind: ValueKind;
  readonly value: number;
  readonly loc: SourceLocation;
  /** In a program compiled for rebinding: the value as an expression of the inputs. */
  readonly angle?: AngleExpr;
  /** An `int`/`uint` variable: its value is `variable.known`, which assignments change. */
  readonly variable?: RuntimeVariable;
}

export class Scope implements ValueScope {
  private readonly symbols = new Map<string, ValueSymbol>();

  constructor(
    private readonly parent?: Scope,
    private readonly describeOther: (name: string) => string | undefined = () => undefined,
  ) {}

  define(name: string, symbol: ValueSymbol): void {
    this.symbols.set(name, symbol);
  }

  find(name: string): ValueSymbol | undefined {
    return this.symbols.get(name) ?? this.parent?.find(name);
  }

  value(name: string): number | undefined {
    const symbol = this.find(name);
    return symbol?.variable ? symbol.variable.known : symbol?.value;
  }

  /** The `int`/`uint` variable `name`, when it is one. */
  variable(name: string): RuntimeVariable | undefined {
    return this.find(name)?.variable;
  }

  angle(name: string): AngleExpr | undefined {
    return this.find(name)?.angle;
  }

  describe(name: string): string | undefined {
    return this.describeOther(name) ?? this.parent?.describe(name);
  }

  refusal(name: string): string | undefined {
    const variable = this.variable(name);
    if (variable === undefined || variable.known !== undefined) return undefined;
    const type = variable.signed ? "int" : "uint";
    // Angles, sizes and indices are fixed when compiling: the IR has no run-time angles.
    return `\`${name}\` is an \`${type}\` known only at run time (it depends on measurements); only conditions and run-time integer arithmetic can read it: run-time values in gate angles, sizes or indices are not supported`;
  }

  *names(): Iterable<string> {
    yield* this.symbols.keys();
    if (this.parent) yield* this.parent.names();
  }
}
