/** Small OpenQASM 3 programs for the grading tests. */
export function qasm(qubits: number, body: string, extra = ""): string {
  return `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[${qubits}] q;\n${extra}${body}\n`;
}
