/**
 * Python names for circuit inputs that become function arguments or variables (a scan's
 * `theta`, `beta`): an OpenQASM identifier is usually a Python one too, but it may be a Python
 * keyword or builtin, or a name the script itself uses, and then it gets a trailing underscore.
 */
const PYTHON_RESERVED = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while " +
    "with yield print range len list dict set int float complex abs sum min max map zip type " +
    "object round pow id input iter next open format"
  ).split(" "),
);

/** Names every exported script defines at module level. */
export const SCRIPT_NAMES: readonly string[] = [
  "pi",
  "np",
  "pnp",
  "qml",
  "dev",
  "qc",
  "circuit",
  "expectation",
  "expectations",
  "estimator",
  "gradient",
  "point",
  "points",
  "values",
  "H",
  "TERMS",
  "FIXED",
  "AXES",
  "SEED",
  "SHOTS",
  "N_QUBITS",
  "grid",
  "minimize",
  "Parameter",
  "ParameterVector",
  "QuantumCircuit",
  "QuantumRegister",
  "SparsePauliOp",
  "StatevectorEstimator",
  "first",
  "second",
  "rest",
  "xs",
  "ys",
  "best",
  "where",
  "name",
  "value",
  "EXACT",
  "hamiltonian",
  "x",
  "w",
];

export function pythonName(name: string, taken: readonly string[] = SCRIPT_NAMES): string {
  let candidate = name.replace(/[^\p{L}\p{N}_]/gu, "_");
  if (/^\p{N}/u.test(candidate)) candidate = `_${candidate}`;
  while (PYTHON_RESERVED.has(candidate) || taken.includes(candidate)) candidate = `${candidate}_`;
  return candidate;
}
