/**
 * The gates a program can call at a given point: the built-ins (`U`, `CX`, `gphase`), the gates
 * of the files it included, and its own definitions. Also builds the "unknown gate" message,
 * which knows which include file would have defined the name.
 */
import { QuantumError } from "../errors";
import { GATES_BY_NAME, type GateSignature } from "../gate-catalog";
import type { SourceLocation } from "../ir";
import type { GateDefinition, Program } from "./ast";
import { INCLUDE_FILES } from "./includes";
import { parse } from "./parser";
import { suggest } from "./suggest";

export type GateEntry =
  /** A catalog gate: calls stay calls by name, the simulator has its matrix. */
  | { readonly kind: "standard"; readonly signature: GateSignature; readonly origin: string }
  /** Inlined at each call; `origin` is the include file for include-defined gates (`u0`). */
  | { readonly kind: "user"; readonly definition: GateDefinition; readonly origin?: string }
  | { readonly kind: "gphase" };

export function gateArity(entry: GateEntry): { params: number; qubits: number } {
  switch (entry.kind) {
    case "standard":
      return { params: entry.signature.params.length, qubits: entry.signature.qubits };
    case "user":
      return { params: entry.definition.params.length, qubits: entry.definition.qubits.length };
    case "gphase":
      return { params: 1, qubits: 0 };
  }
}

const BUILT_IN = "built-in";
const parsedIncludes = new Map<string, Program>();

function includeProgram(path: string): Program | undefined {
  const text = INCLUDE_FILES.get(path);
  if (text === undefined) return undefined;
  let program = parsedIncludes.get(path);
  if (program === undefined) {
    program = parse(text);
    parsedIncludes.set(path, program);
  }
  return program;
}

export class GateTable {
  private readonly entries = new Map<string, GateEntry>();
  private readonly included = new Set<string>();

  constructor(private readonly version: "2.0" | "3.0") {
    for (const name of ["U", "CX"]) {
      const signature = GATES_BY_NAME.get(name);
      if (signature) this.entries.set(name, { kind: "standard", signature, origin: BUILT_IN });
    }
    this.entries.set("gphase", { kind: "gphase" });
  }

  get(name: string): GateEntry | undefined {
    return this.entries.get(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * `include "file";` — declares the file's gates. Returns the definitions that are not catalog
   * gates, which the caller checks and registers like the program's own.
   */
  include(path: string, loc: SourceLocation): GateDefinition[] {
    const program = includeProgram(path);
    if (program === undefined) {
      throw new QuantumError(
        "unsupported",
        `cannot include "${path}": only "qelib1.inc" and "stdgates.inc" are available`,
        loc,
      );
    }
    if (this.included.has(path)) return [];
    this.included.add(path);
    const custom: GateDefinition[] = [];
    for (const statement of program.statements) {
      if (statement.kind !== "gateDefinition") continue;
      const name = statement.name.name;
      if (this.entries.has(name)) continue; // defined by a built-in or the other include file
      const signature = GATES_BY_NAME.get(name);
      if (signature) this.entries.set(name, { kind: "standard", signature, origin: path });
      else custom.push(statement);
    }
    return custom;
  }

  /** Registers a gate definition; the body must have been checked already. */
  define(definition: GateDefinition, origin?: string): void {
    const name = definition.name;
    const existing = this.entries.get(name.name);
    if (existing !== undefined) {
      throw new QuantumError("semantic", alreadyDefined(name.name, existing), name.loc);
    }
    this.entries.set(name.name, { kind: "user", definition, origin });
  }

  /** The "unknown gate" error for `name`, with the include to add or a near name. */
  unknown(name: string, loc: SourceLocation): QuantumError {
    const signature = GATES_BY_NAME.get(name);
    if (signature !== undefined && signature.source !== "builtin") {
      const file = this.fileDefining(signature);
      return new QuantumError(
        "semantic",
        `unknown gate \`${name}\`: it is defined in ${file}; add \`include "${file}";\``,
        loc,
      );
    }
    const known = this.names();
    const near = suggest(name, known);
    if (near !== undefined) {
      return new QuantumError(
        "semantic",
        `unknown gate \`${name}\`; did you mean \`${near}\`?`,
        loc,
      );
    }
    const elsewhere = suggest(name, GATES_BY_NAME.keys());
    if (elsewhere === undefined) {
      return new QuantumError("semantic", `unknown gate \`${name}\``, loc);
    }
    const file = this.fileDefining(GATES_BY_NAME.get(elsewhere) as GateSignature);
    return new QuantumError(
      "semantic",
      `unknown gate \`${name}\`; did you mean \`${elsewhere}\` (defined in ${file})?`,
      loc,
    );
  }

  private fileDefining(signature: GateSignature): string {
    const inStdgates = signature.source === "stdgates" || signature.source === "both";
    const inQelib1 = signature.source === "qelib1" || signature.source === "both";
    if (this.version === "3.0" && inStdgates) return "stdgates.inc";
    return inQelib1 ? "qelib1.inc" : "stdgates.inc";
  }
}

function alreadyDefined(name: string, existing: GateEntry): string {
  switch (existing.kind) {
    case "gphase":
      return "`gphase` is a built-in gate and cannot be redefined";
    case "standard":
      return existing.origin === BUILT_IN
        ? `\`${name}\` is a built-in gate and cannot be redefined`
        : `gate \`${name}\` is already defined in ${existing.origin}`;
    case "user":
      return existing.origin !== undefined
        ? `gate \`${name}\` is already defined in ${existing.origin}`
        : `gate \`${name}\` is already defined (line ${existing.definition.name.loc.line})`;
  }
}
