/**
 * A circuit that keeps a simulation worker busy far longer than any test's deadline: 22 qubits,
 * every one in a superposition and entangled by a chain, so the whole 2^22-amplitude state is
 * live (the engine keeps qubits in product states outside it), then 16k gates whose overlapping
 * operands defeat gate fusion (each iteration needs its own memory passes).
 */
export const RUNAWAY_CIRCUIT = `OPENQASM 3.0;
include "stdgates.inc";
qubit[22] q;
ry(0.3) q;
for uint k in [0:20] { cx q[k], q[k + 1]; }
for uint i in [1:4000] {
  h q[0];
  cx q[0], q[21];
  rz(0.1) q[21];
  cx q[21], q[5];
}`;
