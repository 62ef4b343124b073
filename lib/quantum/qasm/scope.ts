/**
 * Scopes of compile-time values (constants, inputs, loop variables, gate parameters), chained
 * from the innermost block outwards. Registers and gates are not values and live elsewhere; the
 * `describe` hook lets an expression that names one say so ("`q` is a qubit register").
 */
import type { AngleExpr } from "../angle";
import type { SourceLocation } from "../ir";
import type { ValueScope } from "./expressions";

export type ValueKind = "const" | "input" | "loop variable" | "gate parameter";

export interface ValueSymbol {
  readonly kind: ValueKind;
  readonly value: number;
  readonly loc: SourceLocation;
  /** In a program compiled for rebinding: the value as an expression of the inputs. */
  readonly angle?: AngleExpr;
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
    return this.find(name)?.value;
  }

  angle(name: string): AngleExpr | undefined {
    return this.find(name)?.angle;
  }

  describe(name: string): string | undefined {
    return this.describeOther(name) ?? this.parent?.describe(name);
  }

  *names(): Iterable<string> {
    yield* this.symbols.keys();
    if (this.parent) yield* this.parent.names();
  }
}
