/**
 * A plateau study as a script: one circuit per width (the cell's circuit cut to its first k
 * qubits, as the runner cuts it), random parameter sets from NumPy's generator seeded with the
 * cell's seed, the exact derivative by the parameter at each, and the variance per width with
 * its least-squares fit on ln Var. The random draws are NumPy's, not Ketbook's, so the numbers
 * agree with Ketbook's statistically (the same distribution), not digit for digit.
 *
 * PennyLane differentiates by `qml.grad` on an adjoint QNode; Qiskit by the exact parameter-shift
 * gradient of the statevector estimator (the same numbers: Qiskit has no adjoint method).
 */
import { circuitBody } from "./circuit-body";
import { pennylaneCall, qiskitCall } from "./expression";
import { SCRIPT_NAMES } from "./names";
import { pennylaneOperator } from "./pauli";
import type { PlateauPlan, PlateauWidth } from "./plan";
import { comment, nameRange, pyNumber, pyString } from "./python";
import { BIT_ORDER_NOTE, header, section } from "./script-parts";

const RULE =
  "At each width k the circuit is the cell's circuit cut to its first k qubits: every operation " +
  "that touches a qubit >= k is dropped, and inputs no remaining gate uses are not drawn. Each " +
  "remaining input is drawn uniformly in [0, 2*pi) (inputs in FIXED keep their value).";

function settings(plan: PlateauPlan): string[] {
  const { spec } = plan;
  const fixed = Object.entries(spec.values).map(([k, v]) => `${pyString(k)}: ${pyNumber(v)}`);
  return [
    `SEED = ${spec.seed}`,
    `SAMPLES = ${spec.samples}  # random parameter sets per width`,
    `PARAMETER = ${pyString(spec.parameter)}  # the derivative is taken by this input`,
    `FIXED = {${fixed.join(", ")}}`,
  ];
}

const inputsComment = (width: PlateauWidth) =>
  `inputs ${nameRange(width.inputs)} → theta[0..${width.inputs.length - 1}]`;

/** The study's loop; `derivative(k, circuit, inputs, observable)` is defined by each script. */
function study(): string[] {
  return [
    ...section("Gradient variance against width"),
    "rng = np.random.default_rng(SEED)",
    "points = []",
    "for qubits, circuit, inputs, observable in WIDTHS:",
    "    derivative = derivative_by(circuit, inputs, observable)",
    "    samples = []",
    "    for _ in range(SAMPLES):",
    "        theta = [FIXED[name] if name in FIXED else rng.uniform(0, 2 * pi) for name in inputs]",
    "        samples.append(derivative(theta))",
    "    mean = float(np.mean(samples))",
    "    variance = float(np.var(samples, ddof=1)) if SAMPLES > 1 else 0.0",
    "    points.append((qubits, variance))",
    '    print(f"{qubits} qubits, {len(inputs)} inputs: mean {mean:.3e}, Var {variance:.3e}")',
    "",
    "# Least squares on ln Var, over widths with a non-zero variance, as Ketbook fits it.",
    "usable = [(k, v) for k, v in points if v > 0]",
    "if len(usable) >= 2:",
    "    rate, intercept = np.polyfit([k for k, _ in usable], np.log([v for _, v in usable]), 1)",
    "    print(",
    '        f"fit: ln Var = {intercept:.3f} + ({rate:.3f}) k; the variance changes by a factor"',
    '        f" {np.exp(rate):.3f} per added qubit"',
    "    )",
    "else:",
    '    print("no fit: it needs at least two widths with a non-zero variance")',
  ];
}

function symbolFor(width: PlateauWidth) {
  return (_index: number, name: string) => `theta[${width.inputs.indexOf(name)}]`;
}

function pennylaneObservable(width: PlateauWidth): string {
  const terms = width.observable;
  if (terms.length === 1 && terms[0].coefficient === 1) return pennylaneOperator(terms[0].pauli);
  const coefficients = terms.map((t) => pyNumber(t.coefficient)).join(", ");
  const operators = terms.map((t) => pennylaneOperator(t.pauli)).join(", ");
  return `qml.Hamiltonian([${coefficients}], [${operators}])`;
}

export function pennylanePlateau(plan: PlateauPlan): string[] {
  const circuits = plan.widths.flatMap((width) => {
    const k = width.qubits;
    const { lines, declarations } = circuitBody(width.circuit, "pennylane", {
      symbol: symbolFor(width),
      call: pennylaneCall,
    });
    return [
      "",
      "",
      `dev_${k} = qml.device("default.qubit", wires=${k})`,
      "",
      "",
      `@qml.qnode(dev_${k}, diff_method="adjoint")`,
      `def circuit_${k}(theta):`,
      `    """The first ${k} qubits; ${inputsComment(width)}."""`,
      ...[...declarations, ...lines].map((line) => `    ${line}`),
      `    return qml.expval(${pennylaneObservable(width)})`,
    ];
  });
  return [
    ...header(
      plan.spec,
      "pennylane",
      {
        targets: "Python 3.10+, PennyLane 0.42 or newer, NumPy",
        pip: '"pennylane>=0.42" numpy',
      },
      [
        "The random parameter sets come from NumPy's generator, not Ketbook's: means and " +
          "variances agree statistically, not digit for digit.",
      ],
    ),
    "",
    "from math import pi",
    "",
    "import numpy as np",
    "import pennylane as qml",
    "from pennylane import numpy as pnp",
    "",
    ...settings(plan),
    ...section("Circuits, one per width"),
    ...comment(RULE),
    ...comment(BIT_ORDER_NOTE.pennylane),
    ...circuits,
    "",
    "",
    "# (width, circuit, the inputs it uses in theta's order, observable)",
    "WIDTHS = [",
    ...plan.widths.map(
      (w) =>
        `    (${w.qubits}, circuit_${w.qubits}, [${w.inputs.map(pyString).join(", ")}], ${pyString(w.observable.map((t) => t.pauli).join(" + "))}),`,
    ),
    "]",
    "",
    "",
    "def derivative_by(circuit, inputs, observable):",
    '    """theta -> d<observable>/d(PARAMETER), exactly (autograd through the adjoint QNode)."""',
    "    j = inputs.index(PARAMETER)",
    "    grad = qml.grad(circuit)",
    "    return lambda theta: float(grad(pnp.array(theta, requires_grad=True))[j])",
    ...study(),
  ];
}

export function qiskitPlateau(plan: PlateauPlan): string[] {
  const imports = new Set<string>();
  const circuits = plan.widths.flatMap((width) => {
    const k = width.qubits;
    const body = circuitBody(
      width.circuit,
      "qiskit",
      { symbol: symbolFor(width), call: qiskitCall },
      [...SCRIPT_NAMES, "theta", "WIDTHS"],
    );
    body.libraryImports.forEach((name) => imports.add(name));
    return [
      "",
      "",
      `def circuit_${k}():`,
      `    """The first ${k} qubits; ${inputsComment(width)}."""`,
      `    theta = ParameterVector("theta", ${width.inputs.length})`,
      ...[...body.declarations, ...body.lines].map((line) => `    ${line}`),
      "    return qc, theta",
    ];
  });
  const observable = (w: PlateauWidth) =>
    `SparsePauliOp.from_list([${w.observable.map((t) => `(${pyString(t.pauli)}, ${pyNumber(t.coefficient)})`).join(", ")}])`;
  return [
    ...header(
      plan.spec,
      "qiskit-ml",
      {
        targets:
          "Python 3.10+, Qiskit 1.x or 2.x (StatevectorEstimator), qiskit-machine-learning 0.8 (gradients), NumPy",
        pip: '"qiskit>=1.0" "qiskit-machine-learning>=0.8,<0.9" numpy',
      },
      [
        "The random parameter sets come from NumPy's generator, not Ketbook's: means and " +
          "variances agree statistically, not digit for digit.",
        "Qiskit has no adjoint differentiation; the exact parameter-shift gradients of the " +
          "statevector estimator are the same numbers.",
      ],
    ),
    "",
    "from math import pi",
    "",
    "import numpy as np",
    "from qiskit import QuantumCircuit, QuantumRegister",
    "from qiskit.circuit import ParameterVector",
    ...(imports.size ? [`from qiskit.circuit.library import ${[...imports].join(", ")}`] : []),
    "from qiskit.primitives import StatevectorEstimator",
    "from qiskit.quantum_info import SparsePauliOp",
    "from qiskit_machine_learning.gradients import ParamShiftEstimatorGradient",
    "",
    ...settings(plan),
    ...section("Circuits, one per width"),
    ...comment(RULE),
    ...comment(BIT_ORDER_NOTE["qiskit-ml"]),
    ...circuits,
    "",
    "",
    "# (width, circuit, the inputs it uses in theta's order, observable)",
    "WIDTHS = [",
    ...plan.widths.map(
      (w) =>
        `    (${w.qubits}, circuit_${w.qubits}, [${w.inputs.map(pyString).join(", ")}], ${observable(w)}),`,
    ),
    "]",
    "estimator = StatevectorEstimator(seed=SEED)",
    "gradient = ParamShiftEstimatorGradient(estimator=estimator)",
    "",
    "",
    "def derivative_by(circuit, inputs, observable):",
    '    """theta -> d<observable>/d(PARAMETER), exactly (parameter shift on exact statevectors)."""',
    "    qc, theta = circuit()",
    "    j = inputs.index(PARAMETER)",
    "",
    "    def derivative(values):",
    "        job = gradient.run([qc], [observable], [values], parameters=[[theta[j]]])",
    "        return float(job.result().gradients[0][0])",
    "",
    "    return derivative",
    ...study(),
  ];
}
