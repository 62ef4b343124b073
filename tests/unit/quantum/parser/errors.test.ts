import { describe, expect, it } from "vitest";
import { compile, type CompileOptions } from "@/lib/quantum/compile";
import { LimitError, QuantumError } from "@/lib/quantum/errors";

const Q2 = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const Q3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** `code LINE:COL: message` of the error compile() throws. */
function failure(source: string, options?: CompileOptions): string {
  try {
    compile(source, options);
  } catch (e) {
    if (!(e instanceof QuantumError)) throw e;
    return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
  }
  throw new Error("expected compile() to throw");
}

describe("unknown gates", () => {
  it("names the include file that defines a standard gate", () => {
    expect(failure("OPENQASM 2.0;\nqreg q[1];\nh q[0];")).toBe(
      'semantic 3:1: unknown gate `h`: it is defined in qelib1.inc; add `include "qelib1.inc";`',
    );
    expect(failure("OPENQASM 3.0;\nqubit q;\nh q;")).toBe(
      'semantic 3:1: unknown gate `h`: it is defined in stdgates.inc; add `include "stdgates.inc";`',
    );
    expect(failure(`${Q3}qubit q;\nsxdg q;`)).toBe(
      'semantic 4:1: unknown gate `sxdg`: it is defined in qelib1.inc; add `include "qelib1.inc";`',
    );
  });

  it("suggests the nearest known gate, user gates included", () => {
    expect(failure(`${Q2}qreg q[1];\nhh q[0];`)).toBe(
      "semantic 4:1: unknown gate `hh`; did you mean `h`?",
    );
    expect(failure(`${Q2}qreg q[2];\nCNOT q[0], q[1];`)).toBe(
      "semantic 4:1: unknown gate `CNOT`; did you mean `cx`?",
    );
    expect(
      failure(`${Q2}gate entangle a, b { h a; cx a, b; }\nqreg q[2];\nentangel q[0], q[1];`),
    ).toBe("semantic 5:1: unknown gate `entangel`; did you mean `entangle`?");
    expect(failure(`OPENQASM 2.0;\nqreg q[1];\nrxx(0.1) q[0];`)).toBe(
      'semantic 3:1: unknown gate `rxx`: it is defined in qelib1.inc; add `include "qelib1.inc";`',
    );
    expect(failure(`OPENQASM 2.0;\nqreg q[1];\nrzx(0.1) q[0];`)).toBe(
      "semantic 3:1: unknown gate `rzx`; did you mean `rx` (defined in qelib1.inc)?",
    );
    expect(failure(`${Q2}qreg q[1];\nfrobnicate q[0];`)).toBe(
      "semantic 4:1: unknown gate `frobnicate`",
    );
  });

  it("rejects a gate calling itself, since a gate is only known after its definition", () => {
    expect(failure(`${Q2}gate loop a { loop a; }`)).toBe("semantic 3:15: unknown gate `loop`");
  });
});

describe("argument checks", () => {
  it("counts parameters and qubits, modifiers included", () => {
    expect(failure(`${Q3}qubit[3] q;\nu3(1, 2) q[0];`)).toBe(
      "semantic 4:1: `u3` takes 3 parameters, got 2",
    );
    expect(failure(`${Q3}qubit[3] q;\nccx q[0], q[1];`)).toBe(
      "semantic 4:1: `ccx` takes 3 qubits, got 2",
    );
    expect(failure(`${Q3}qubit[3] q;\nctrl(2) @ x q[0], q[1];`)).toBe(
      "semantic 4:11: `ctrl(2) @ x` takes 3 qubits, got 2",
    );
    expect(failure(`${Q3}qubit[3] q;\ninv @ negctrl @ h q[0];`)).toBe(
      "semantic 4:17: `inv @ negctrl @ h` takes 2 qubits, got 1",
    );
    expect(failure(`${Q3}qubit q;\ngphase q;`)).toBe(
      "semantic 4:1: `gphase` takes 1 parameter, got 0",
    );
    expect(failure(`${Q3}qubit q;\ngphase(1) q;`)).toBe(
      "semantic 4:1: `gphase` takes 0 qubits, got 1",
    );
    expect(failure(`${Q3}qubit[2] q;\nctrl(0) @ x q[0];`)).toBe(
      "semantic 4:6: the number of controls of `ctrl` must be at least 1, got 0",
    );
    expect(failure(`${Q3}qubit[2] q;\nctrl(1.5) @ x q[0], q[1];`)).toBe(
      "semantic 4:6: the number of controls of `ctrl` must be an integer, got 1.5",
    );
  });

  it("rejects the same qubit twice, directly, through broadcasting, and as a control", () => {
    expect(failure(`${Q2}qreg q[2];\nswap q[0], q[0];`)).toBe(
      "semantic 4:12: qubit q[0] is used twice in `swap`",
    );
    expect(failure(`${Q2}qreg q[2];\ncx q[1], q;`)).toBe(
      "semantic 4:10: qubit q[1] is used twice in `cx`",
    );
    expect(failure(`${Q3}qubit[2] q;\nctrl @ h q[1], q[1];`)).toBe(
      "semantic 4:16: qubit q[1] is used twice in `h`",
    );
    expect(failure(`${Q3}qubit a;\nqubit b;\ncx a, a;`)).toBe(
      "semantic 5:7: qubit a is used twice in `cx`",
    );
  });
});

describe("registers", () => {
  it("checks indices, including computed ones", () => {
    expect(failure(`${Q2}qreg q[3];\ncreg c[2];\nmeasure q[0] -> c[2];`)).toBe(
      "semantic 5:19: c[2] is out of range: creg c has 2 bits (0..1)",
    );
    expect(failure(`${Q3}qubit[3] q;\nx q[-1];`)).toBe(
      "semantic 4:5: q[-1] is out of range: qubit[3] q has 3 qubits (0..2)",
    );
    expect(failure(`${Q3}qubit[3] q;\nx q[0.5];`)).toBe(
      "semantic 4:5: an index must be an integer, got 0.5",
    );
    expect(failure(`${Q3}qubit q;\nx q[0];`)).toBe(
      "semantic 4:5: `q` is a single qubit, not a register: write `q`, not `q[...]`",
    );
  });

  it("tells qubits, bits and numbers apart", () => {
    expect(failure(`${Q3}qubit q;\nbit c;\nx c;`)).toBe(
      "semantic 5:3: `c` is a classical register; expected qubits here",
    );
    expect(failure(`${Q3}qubit q;\nbit c;\nq = measure c;`)).toBe(
      "semantic 5:13: `c` is a classical register; expected qubits here",
    );
    expect(failure(`${Q3}qubit q;\nbit c;\nmeasure q -> q;`)).toBe(
      "semantic 5:14: `q` is a qubit register; expected classical bits here",
    );
    expect(failure(`${Q3}qubit q;\nrx(q) q;`)).toBe(
      "semantic 4:4: `q` is a qubit register, not a number",
    );
    expect(failure(`${Q3}const int n = 1;\nqubit q;\nx n;`)).toBe(
      "semantic 5:3: `n` is a number, not a qubit register",
    );
  });

  it("rejects redeclarations across registers, constants and loop variables", () => {
    expect(failure(`${Q3}const int n = 1;\nqubit[2] n;`)).toBe(
      "semantic 4:10: `n` is already declared (line 3)",
    );
    expect(failure(`${Q3}qubit[2] q;\nfor int q in [0:1] {}`)).toBe(
      "semantic 4:9: `q` is already declared (line 3)",
    );
    expect(failure(`${Q3}for int i in [0:1] { for int i in [0:1] {} }`)).toBe(
      "semantic 3:30: `i` is already declared (line 3)",
    );
    expect(failure(`${Q3}const float pi = 3;`)).toBe("semantic 3:13: `pi` is a built-in constant");
  });

  it("rejects empty registers and declarations inside blocks", () => {
    expect(failure(`OPENQASM 2.0;\nqreg q[0];`)).toBe(
      "semantic 2:8: a register needs at least 1 qubit, got 0",
    );
    expect(failure(`${Q3}qubit q;\nbit c;\nif (c) { qubit r; }`)).toBe(
      "semantic 5:10: declaring qubits is only allowed at the top level",
    );
    expect(failure(`${Q3}{ include "qelib1.inc"; }`)).toBe(
      "semantic 3:3: `include` is only allowed at the top level",
    );
  });
});

describe("gate definitions", () => {
  it("checks the body when the gate is defined, pointing into it", () => {
    expect(failure(`${Q2}gate g(t) a, b { rz(tt) a; }`)).toBe(
      "semantic 3:21: unknown name `tt`; did you mean `t`?",
    );
    expect(failure(`${Q2}gate g a, b { cx a, a; }`)).toBe(
      "semantic 3:21: qubit a is used twice in `cx`",
    );
    expect(failure(`${Q2}gate g a { h a[0]; }`)).toBe(
      "semantic 3:14: qubit arguments of a gate cannot be indexed: write `a`, not `a[...]`",
    );
    expect(failure(`${Q2}gate g(a) a { h a; }`)).toBe(
      "semantic 3:11: `a` is already used as a parameter of gate `g`",
    );
    expect(failure(`${Q2}gate g(t) a { rx(a) a; }`)).toBe(
      "semantic 3:18: `a` is a qubit argument of gate `g`, not a number",
    );
    expect(failure(`${Q3}gate g(n) a, b { ctrl(n) @ x a, b; }`)).toBe(
      "semantic 3:23: the number of controls of `ctrl` must be a constant, not a gate parameter",
    );
  });

  it("refuses to redefine built-in, included or earlier gates", () => {
    expect(failure(`${Q2}gate U a { }`)).toBe(
      "semantic 3:6: `U` is a built-in gate and cannot be redefined",
    );
    expect(failure(`${Q2}gate g a { h a; }\ngate g a { x a; }`)).toBe(
      "semantic 4:6: gate `g` is already defined (line 3)",
    );
    expect(failure(`${Q2}gate u0 a { }`)).toBe(
      "semantic 3:6: gate `u0` is already defined in qelib1.inc",
    );
  });

  it("reports value errors of a call at the expression inside the body", () => {
    expect(failure(`${Q2}gate g(t) a { rx(1 / t) a; }\nqreg q[1];\ng(0) q[0];`)).toBe(
      "semantic 3:20: division by zero",
    );
  });
});

describe("expressions", () => {
  it("explains values it cannot compute", () => {
    expect(failure(`${Q3}qubit q;\nrx(sqrt(-1)) q;`)).toBe(
      "semantic 4:4: this expression is not a finite number (it evaluates to NaN)",
    );
    expect(failure(`${Q3}qubit q;\nrx(sine(1)) q;`)).toBe(
      "semantic 4:4: unknown function `sine`; did you mean `sin`?",
    );
    expect(failure(`${Q3}qubit q;\nrx(sin(1, 2)) q;`)).toBe(
      "semantic 4:4: `sin` takes 1 argument, got 2",
    );
    expect(failure(`${Q3}qubit q;\nrx(float(1)) q;`)).toBe(
      "unsupported 4:4: type casts (`float(...)`) are not supported",
    );
    expect(failure(`${Q3}qubit q;\nrx(5 % 2) q;`)).toBe(
      "unsupported 4:6: operator `%` is not supported in expressions",
    );
    expect(failure(`${Q3}qubit q;\nbit[2] c;\nrx(c[0]) q;`)).toBe(
      "unsupported 5:4: indexing (`c[...]`) is not supported in expressions",
    );
    expect(failure(`${Q3}const int n = 1.5;`)).toBe(
      "semantic 3:15: `const int n` must be an integer, got 1.5",
    );
    expect(failure(`${Q3}const uint n = -2;`)).toBe(
      "semantic 3:16: `const uint n` cannot be negative, got -2",
    );
  });
});

describe("conditions", () => {
  it("accepts only conditions the IR can express", () => {
    expect(failure(`${Q3}qubit q;\nbit[2] c;\nif (c ^ 1) x q;`)).toBe(
      "unsupported 5:7: this condition is not supported; compare bits with an integer (`c == 3`, `c[0] != 1`, `c < 2`) and combine with `!`, `&&`, `||`",
    );
    expect(failure(`${Q3}qubit q;\nbit[2] c;\nif (c) x q;`)).toBe(
      "unsupported 5:5: `c` has 2 bits, so it cannot be a condition on its own; compare it: `c == 1` or `c != 0`",
    );
    expect(failure(`${Q3}qubit q;\nbit[2] c;\nif (c[0] == 2) x q;`)).toBe(
      "semantic 5:13: `c[0]` has 1 bit, so it can never equal 2 (0..1)",
    );
    expect(failure(`${Q3}qubit q;\nbit[2] c;\nif (d == 1) x q;`)).toBe(
      "semantic 5:5: unknown register `d`; did you mean `c`?",
    );
  });
});

describe("inputs and pragmas", () => {
  it("requires a finite value for every input", () => {
    const source = `${Q3}input float theta;\nqubit q;\nrx(theta) q;`;
    expect(failure(source)).toBe("unbound-input 3:13: input `theta` has no value");
    expect(failure(source, { params: { theta: Number.NaN } })).toBe(
      "semantic 3:13: input `theta` must be a finite number, got NaN",
    );
    expect(failure(source, { params: { toString: 1 } })).toBe(
      "unbound-input 3:13: input `theta` has no value",
    );
  });

  it("understands only `#pragma expect` with a Pauli sum, at the top level", () => {
    expect(failure(`${Q3}#pragma optimize 3`)).toBe(
      "unsupported 3:1: unknown pragma `optimize`; Ketbook understands `#pragma expect <pauli sum>` and `#pragma noise …`",
    );
    expect(failure(`${Q3}#pragma expect`)).toBe(
      "observable 3:1: `#pragma expect` needs a Pauli sum, like `#pragma expect Z0` or `#pragma expect 0.5*Z0*Z1`",
    );
    expect(failure(`${Q3}qubit q;\nfor int i in [0:1] {\n#pragma expect Z0\n}`)).toBe(
      "semantic 5:1: `#pragma expect` is only allowed at the top level",
    );
  });
});

describe("limits", () => {
  function limitError(source: string, options: CompileOptions): LimitError {
    try {
      compile(source, options);
    } catch (e) {
      if (e instanceof LimitError) return e;
      throw e;
    }
    throw new Error("expected a LimitError");
  }

  it("refuses sources over maxSourceBytes, counting UTF-8 bytes", () => {
    const e = limitError(`OPENQASM 3;\n// ${"π".repeat(40)}\n`, { limits: { maxSourceBytes: 60 } });
    expect([e.limit, e.code, e.message, e.loc]).toEqual([
      "maxSourceBytes",
      "limit",
      "the program is 96 bytes; the limit is maxSourceBytes = 60",
      { line: 1, column: 1 },
    ]);
  });

  it("refuses more qubits than maxQubits at the declaration that crosses it", () => {
    const e = limitError("OPENQASM 3;\nqubit[3] a;\nqubit[2] b;", { limits: { maxQubits: 4 } });
    expect([e.limit, e.message, e.loc]).toEqual([
      "maxQubits",
      "the program declares 5 qubits; the limit is maxQubits = 4",
      { line: 3, column: 1 },
    ]);
  });

  it("stops unrolling as soon as maxOperations is crossed", () => {
    const options = { limits: { maxOperations: 50 } };
    const loop = limitError(
      `${Q3}qubit q;\nx q;\nfor int i in [1:1000000000] { x q; x q; }`,
      options,
    );
    expect([loop.limit, loop.message, loop.loc]).toEqual([
      "maxOperations",
      "the program has more than 50 operations after unrolling loops and gates; the limit is maxOperations = 50",
      { line: 5, column: 1 },
    ]);
    const empty = limitError(`${Q3}for int i in [1:1000000000] { }`, options);
    expect(empty.message).toBe(
      "`for` loops run more than 50 iterations in total; the limit is maxOperations = 50",
    );
    const power = limitError(`${Q3}qubit q;\npow(1000000000) @ x q;`, options);
    expect(power.limit).toBe("maxOperations");
    const nested = `${Q3}gate a q { x q; x q; x q; x q; }\ngate b q { a q; a q; a q; a q; }\ngate c q { b q; b q; b q; b q; }\nqubit r;\nc r;`;
    expect(limitError(nested, options).limit).toBe("maxOperations");
  });

  it("stops a loop that would run for a very long time at the operation limit", () => {
    // 2^53 iterations: only stopping at the limit lets this finish at all.
    const endless = `${Q3}qubit q;\nfor int i in [0:9007199254740991] { x q; }`;
    expect(limitError(endless, {}).limit).toBe("maxOperations");
  });
});
