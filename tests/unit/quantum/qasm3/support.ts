import { compile, type CompileOptions } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";

/** `code LINE:COL: message` of the error compile() throws. */
export function failure(source: string, options?: CompileOptions): string {
  try {
    compile(source, options);
  } catch (e) {
    if (!(e instanceof QuantumError)) throw e;
    return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
  }
  throw new Error("expected compile() to throw");
}
