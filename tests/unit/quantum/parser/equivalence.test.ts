/**
 * The same circuit written in OpenQASM 2 and in OpenQASM 3 lowers to the same IR (apart from the
 * version, and the source locations, which differ because the spellings differ).
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import type { Circuit } from "@/lib/quantum/ir";

function withoutLocations(circuit: Circuit): unknown {
  return {
    ...circuit,
    version: undefined,
    ops: circuit.ops.map(({ loc: _loc, ...rest }) => rest),
    expectations: circuit.expectations.map(({ loc: _loc, ...rest }) => rest),
  };
}

const PAIRS: { name: string; qasm2: string; qasm3: string }[] = [
  {
    name: "teleportation with conditions",
    qasm2: `OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg m0[1];
creg m1[1];
creg out[1];
u3(0.3, 0.2, 0.1) q[0];
h q[1];
cx q[1], q[2];
barrier q;
cx q[0], q[1];
h q[0];
measure q[0] -> m0[0];
measure q[1] -> m1[0];
if (m0 == 1) z q[2];
if (m1 == 1) x q[2];
measure q[2] -> out[0];`,
    qasm3: `OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit m0;
bit m1;
bit[1] out;
u3(0.3, 0.2, 0.1) q[0];
h q[1];
cx q[1], q[2];
barrier q;
cx q[0], q[1];
h q[0];
m0 = measure q[0];
m1 = measure q[1];
if (m0) z q[2];
if (m1 == 1) { x q[2]; }
out[0] = measure q[2];`,
  },
  {
    name: "GHZ with broadcasting vs. a loop",
    qasm2: `OPENQASM 2.0;
include "qelib1.inc";
qreg q[4];
creg c[4];
h q[0];
cx q[0], q[1];
cx q[1], q[2];
cx q[2], q[3];
measure q -> c;`,
    qasm3: `OPENQASM 3;
include "stdgates.inc";
const int n = 4;
qubit[n] q;
bit[n] c;
h q[0];
for uint i in [0:n - 2] { cx q[i], q[i + 1]; }
c = measure q;`,
  },
  {
    name: "a user gate with parameters, QFT-style",
    qasm2: `OPENQASM 2.0;
include "qelib1.inc";
gate crot(k) a, b { cu1(2*pi/2^k) a, b; }
qreg q[3];
h q[0];
crot(2) q[1], q[0];
crot(3) q[2], q[0];
h q[1];
crot(2) q[2], q[1];
h q[2];
swap q[0], q[2];`,
    qasm3: `OPENQASM 3;
include "stdgates.inc";
gate crot(k) a, b { cu1(2*π/2**k) a, b; }
qubit[3] q;
for int j in [0:2] {
  h q[j];
  for int m in [j + 1:2] { crot(m - j + 1) q[m], q[j]; }
}
swap q[0], q[2];`,
  },
];

describe("OpenQASM 2 and 3 spellings", () => {
  it.each(PAIRS)("$name lower to the same IR", ({ qasm2, qasm3 }) => {
    const two = compile(qasm2);
    const three = compile(qasm3);
    expect(two.version).toBe("2.0");
    expect(three.version).toBe("3.0");
    expect(withoutLocations(three)).toEqual(withoutLocations(two));
  });
});
