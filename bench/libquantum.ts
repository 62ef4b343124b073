/**
 * libquantum as a bench peer: it is a C library (Debian's optional libquantum-dev package), so
 * the bench compiles bench/libquantum-driver.c with the system C compiler when both are there,
 * once per source version (the binary is cached in the OS temp directory), and says why not
 * otherwise.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchGate } from "./circuits";

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), "libquantum-driver.c");

export type Driver = { path: string } | { absent: string };

/** Builds (or finds) the driver binary; `absent` says what is missing. */
export function libquantumDriver(): Driver {
  const source = readFileSync(SOURCE);
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 12);
  const path = join(tmpdir(), `ketbook-bench-libquantum-${hash}`);
  if (existsSync(path)) return { path };
  const cc = process.env.CC ?? "cc";
  if (spawnSync(cc, ["--version"], { stdio: "ignore" }).status !== 0)
    return { absent: `no C compiler (${cc}) to build the driver` };
  // Debian builds libquantum with OpenMP: the driver links the OpenMP runtime too.
  const build = spawnSync(cc, ["-O2", "-fopenmp", "-o", path, SOURCE, "-lquantum", "-lm"], {
    encoding: "utf8",
  });
  if (build.status !== 0) {
    const missing = /quantum\.h|lquantum/.test(build.stderr);
    return {
      absent: missing
        ? "not installed (apt-get install libquantum-dev)"
        : `driver did not build: ${build.stderr.trim().split("\n").slice(-1)[0]}`,
    };
  }
  return { path };
}

/** The driver's input: one gate a line, `<name> <qubit>… [<angle>]`. */
export function driverInput(gates: readonly BenchGate[]): string {
  return gates.map((g) => [g.name, ...g.qubits, ...g.params].join(" ")).join("\n") + "\n";
}
