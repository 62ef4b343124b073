/**
 * The corpus under tests/fixtures/qasm: every valid/ program compiles (twice, to the same IR);
 * every invalid/ program fails with the `LINE:COL: message` written on its first line
 * (`// error: ...`). Valid programs may list input values on a `// params: a=1 b=2` line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";

const ROOT = join(process.cwd(), "tests/fixtures/qasm");

function corpus(kind: "valid" | "invalid"): { name: string; source: string }[] {
  return readdirSync(join(ROOT, kind))
    .filter((f) => f.endsWith(".qasm"))
    .sort()
    .map((name) => ({ name, source: readFileSync(join(ROOT, kind, name), "utf8") }));
}

function paramsOf(source: string): Record<string, number> {
  const line = /^\/\/ params:(.*)$/m.exec(source);
  if (!line) return {};
  return Object.fromEntries(
    line[1]
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [name, value] = pair.split("=");
        return [name, Number(value)];
      }),
  );
}

/** JSON with matrices (Float64Array) written out, so two IRs can be compared as text. */
function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v instanceof Float64Array ? Array.from(v) : v));
}

const valid = corpus("valid");
const invalid = corpus("invalid");

describe("valid corpus", () => {
  it("is not empty", () => {
    expect(valid.length).toBeGreaterThanOrEqual(10);
  });

  it.each(valid)("$name compiles, deterministically", ({ source }) => {
    const params = paramsOf(source);
    const first = compile(source, { params });
    const second = compile(source, { params });
    expect(first.ops.length).toBeGreaterThan(0);
    expect(serialise(second)).toBe(serialise(first));
  });
});

describe("invalid corpus", () => {
  it("is not empty", () => {
    expect(invalid.length).toBeGreaterThanOrEqual(20);
  });

  it.each(invalid)("$name fails with the expected message", ({ source }) => {
    const expected = /^\/\/ error: (.*)$/.exec(source.split("\n")[0])?.[1];
    expect(expected, "first line must be `// error: LINE:COL: message`").toBeDefined();
    let actual = "compiled without error";
    try {
      compile(source);
    } catch (e) {
      if (!(e instanceof QuantumError)) throw e;
      actual = `${e.loc?.line}:${e.loc?.column}: ${e.message}`;
    }
    expect(actual).toBe(expected);
  });
});
