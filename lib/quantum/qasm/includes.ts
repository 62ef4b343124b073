/**
 * The two standard include files, as text. `include "qelib1.inc";` and `include "stdgates.inc";`
 * parse these like any other source, so their gates are declared the way a learner's own gates
 * are; the lowering then keeps calls to catalog gates by name instead of inlining the bodies (the
 * simulator has a kernel for each). The bodies still matter: a test multiplies each one out and
 * checks it against the simulator's matrix, and a gate that is not in the catalog (`u0`) is
 * inlined from its body like a user gate.
 *
 * qelib1.inc holds the definitions Qiskit ships for OpenQASM 2, except for two bodies that do not
 * multiply out to the gates their names promise (Qiskit never runs them: its loader maps these
 * names to gate classes). Qiskit's `c3sqrtx` body is the controlled √X†; here its angles have
 * their signs flipped, which conjugates it into the controlled √X. Qiskit's `c4x` body has a
 * broken middle step (`h d; cu1(pi/4) d,e; h d;`); here `c4x` follows the decomposition of
 * Qiskit's C4XGate: controlled √X on e, c3x, controlled √X† on e, c3x, c3sqrtx.
 *
 * stdgates.inc holds the definitions of the OpenQASM 3 specification (several through `ctrl @`,
 * `pow @` and `gphase`), with two choices of ours: `cu` is `p(γ) a; ctrl @ U(θ, φ, λ) a, b;`, the
 * form that matches Qiskit's CU gate for Ketbook's `U` (Qiskit's matrix; later revisions of the
 * specification changed the phase of `U` and compensate for it in `cu`), and `cu1` is added
 * because the gate catalog lists it for both libraries.
 */

export const QELIB1_INC = `// qelib1.inc: the OpenQASM 2 standard gate library, with the definitions Qiskit uses.
// Hardware primitives
gate u3(theta,phi,lambda) q { U(theta,phi,lambda) q; }
gate u2(phi,lambda) q { U(pi/2,phi,lambda) q; }
gate u1(lambda) q { U(0,0,lambda) q; }
gate cx c,t { CX c,t; }
gate id a { U(0,0,0) a; }
gate u0(gamma) q { U(0,0,0) q; }
// Standard single-qubit gates
gate u(theta,phi,lambda) q { U(theta,phi,lambda) q; }
gate p(lambda) q { U(0,0,lambda) q; }
gate x a { u3(pi,0,pi) a; }
gate y a { u3(pi,pi/2,pi/2) a; }
gate z a { u1(pi) a; }
gate h a { u2(0,pi) a; }
gate s a { u1(pi/2) a; }
gate sdg a { u1(-pi/2) a; }
gate t a { u1(pi/4) a; }
gate tdg a { u1(-pi/4) a; }
// Rotations
gate rx(theta) a { u3(theta,-pi/2,pi/2) a; }
gate ry(theta) a { u3(theta,0,0) a; }
gate rz(phi) a { u1(phi) a; }
// Gates built from the ones above
gate sx a { sdg a; h a; sdg a; }
gate sxdg a { s a; h a; s a; }
gate cz a,b { h b; cx a,b; h b; }
gate cy a,b { sdg b; cx a,b; s b; }
gate swap a,b { cx a,b; cx b,a; cx a,b; }
gate ch a,b { h b; sdg b; cx a,b; h b; t b; cx a,b; t b; h b; s b; x b; s a; }
gate ccx a,b,c {
  h c; cx b,c; tdg c; cx a,c; t c; cx b,c; tdg c; cx a,c;
  t b; t c; h c; cx a,b; t a; tdg b; cx a,b;
}
gate cswap a,b,c { cx c,b; ccx a,b,c; cx c,b; }
gate crx(lambda) a,b { u1(pi/2) b; cx a,b; u3(-lambda/2,0,0) b; cx a,b; u3(lambda/2,-pi/2,0) b; }
gate cry(lambda) a,b { u3(lambda/2,0,0) b; cx a,b; u3(-lambda/2,0,0) b; cx a,b; }
gate crz(lambda) a,b { u1(lambda/2) b; cx a,b; u1(-lambda/2) b; cx a,b; }
gate cu1(lambda) a,b { u1(lambda/2) a; cx a,b; u1(-lambda/2) b; cx a,b; u1(lambda/2) b; }
gate cp(lambda) a,b { p(lambda/2) a; cx a,b; p(-lambda/2) b; cx a,b; p(lambda/2) b; }
gate cu3(theta,phi,lambda) c,t {
  u1((lambda+phi)/2) c; u1((lambda-phi)/2) t; cx c,t;
  u3(-theta/2,0,-(phi+lambda)/2) t; cx c,t; u3(theta/2,phi,0) t;
}
gate csx a,b { h b; cu1(pi/2) a,b; h b; }
gate cu(theta,phi,lambda,gamma) c,t {
  p(gamma) c; p((lambda+phi)/2) c; p((lambda-phi)/2) t; cx c,t;
  u(-theta/2,0,-(phi+lambda)/2) t; cx c,t; u(theta/2,phi,0) t;
}
gate rxx(theta) a,b { u3(pi/2,theta,0) a; h b; cx a,b; u1(-theta) b; cx a,b; h b; u2(-pi,pi-theta) a; }
gate rzz(theta) a,b { cx a,b; u1(theta) b; cx a,b; }
// Relative-phase Toffoli gates
gate rccx a,b,c {
  u2(0,pi) c; u1(pi/4) c; cx b,c; u1(-pi/4) c; cx a,c; u1(pi/4) c; cx b,c; u1(-pi/4) c; u2(0,pi) c;
}
gate rc3x a,b,c,d {
  u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; cx a,d; u1(pi/4) d; cx b,d;
  u1(-pi/4) d; cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d; u2(0,pi) d; u1(pi/4) d; cx c,d;
  u1(-pi/4) d; u2(0,pi) d;
}
// Multi-controlled gates
gate c3x a,b,c,d {
  h d; cu1(-pi/4) a,d; h d; cx a,b; h d; cu1(pi/4) b,d; h d; cx a,b;
  h d; cu1(-pi/4) b,d; h d; cx b,c; h d; cu1(pi/4) c,d; h d; cx a,c;
  h d; cu1(-pi/4) c,d; h d; cx b,c; h d; cu1(pi/4) c,d; h d; cx a,c;
  h d; cu1(-pi/4) c,d; h d;
}
gate c3sqrtx a,b,c,d {
  h d; cu1(pi/8) a,d; h d; cx a,b; h d; cu1(-pi/8) b,d; h d; cx a,b;
  h d; cu1(pi/8) b,d; h d; cx b,c; h d; cu1(-pi/8) c,d; h d; cx a,c;
  h d; cu1(pi/8) c,d; h d; cx b,c; h d; cu1(-pi/8) c,d; h d; cx a,c;
  h d; cu1(pi/8) c,d; h d;
}
gate c4x a,b,c,d,e {
  h e; cu1(pi/2) d,e; h e; c3x a,b,c,d; h e; cu1(-pi/2) d,e; h e; c3x a,b,c,d; c3sqrtx a,b,c,e;
}
`;

export const STDGATES_INC = `// stdgates.inc: the OpenQASM 3 standard gate library, as the specification defines it.
gate p(λ) a { ctrl @ gphase(λ) a; }
gate x a { U(π, 0, π) a; gphase(-π/2); }
gate y a { U(π, π/2, π/2) a; gphase(-π/2); }
gate z a { p(π) a; }
gate h a { U(π/2, 0, π) a; gphase(-π/4); }
gate s a { pow(0.5) @ z a; }
gate sdg a { inv @ pow(0.5) @ z a; }
gate t a { pow(0.5) @ s a; }
gate tdg a { inv @ pow(0.5) @ s a; }
gate sx a { pow(0.5) @ x a; }
gate rx(θ) a { U(θ, -π/2, π/2) a; gphase(-θ/2); }
gate ry(θ) a { U(θ, 0, 0) a; gphase(-θ/2); }
gate rz(λ) a { gphase(-λ/2); U(0, 0, λ) a; }
gate cx a, b { ctrl @ x a, b; }
gate cy a, b { ctrl @ y a, b; }
gate cz a, b { ctrl @ z a, b; }
gate cp(λ) a, b { ctrl @ p(λ) a, b; }
gate crx(θ) a, b { ctrl @ rx(θ) a, b; }
gate cry(θ) a, b { ctrl @ ry(θ) a, b; }
gate crz(θ) a, b { ctrl @ rz(θ) a, b; }
gate ch a, b { ctrl @ h a, b; }
gate swap a, b { cx a, b; cx b, a; cx a, b; }
gate ccx a, b, c { ctrl @ ctrl @ x a, b, c; }
gate cswap a, b, c { ctrl @ swap a, b, c; }
gate cu(θ, φ, λ, γ) a, b { p(γ) a; ctrl @ U(θ, φ, λ) a, b; }
// Kept for OpenQASM 2 compatibility
gate CX a, b { ctrl @ U(π, 0, π) a, b; }
gate phase(λ) q { U(0, 0, λ) q; }
gate cphase(λ) a, b { ctrl @ phase(λ) a, b; }
gate cu1(λ) a, b { ctrl @ u1(λ) a, b; }
gate id a { U(0, 0, 0) a; }
gate u1(λ) q { U(0, 0, λ) q; }
gate u2(φ, λ) q { gphase(-(φ + λ + π/2)/2); U(π/2, φ, λ) q; }
gate u3(θ, φ, λ) q { gphase(-(φ + λ + θ)/2); U(θ, φ, λ) q; }
`;

export const INCLUDE_FILES: ReadonlyMap<string, string> = new Map([
  ["qelib1.inc", QELIB1_INC],
  ["stdgates.inc", STDGATES_INC],
]);
