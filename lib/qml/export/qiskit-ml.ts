/**
 * An experiment as a Qiskit Machine Learning (0.8) script on Qiskit's V2 primitives: the cell's
 * circuit with `ParameterVector`s for features (`x`) and weights (`w`), or one `Parameter` per
 * input for a scan; an `EstimatorQNN` as the classifier's model, `FidelityStatevectorKernel` /
 * `FidelityQuantumKernel` with `QSVC` for kernels, `StatevectorEstimator` with
 * `ParamShiftEstimatorGradient` for scans and minimisations. Ketbook's optimisers are written
 * out in NumPy (Qiskit's own differ in their updates), Nelder–Mead runs through SciPy.
 */
import { angleInputs } from "@/lib/quantum/angle";
import { QuantumError } from "@/lib/quantum/errors";
import type { Circuit } from "@/lib/quantum/ir";

import type { MeasuredSpec, OptimizerSpec } from "../experiments/spec";
import { circuitBody } from "./circuit-body";
import { qiskitCall, type PythonDialect } from "./expression";
import { pythonName, SCRIPT_NAMES } from "./names";
import type {
  ExportPlan,
  KernelPlan,
  MinimisePlan,
  PlateauPlan,
  ScanPlan,
  TrainPlan,
} from "./plan";
import { comment, nameRange, pyNumber, pyString } from "./python";
import {
  BIT_ORDER_NOTE,
  batchesLiteral,
  dataSection,
  describeTarget,
  header,
  initialLiteral,
  initialStepOf,
  metricHelpers,
  numpyLoss,
  optimizerClass,
  optimizerConstructor,
  perturbationsLiteral,
  section,
  seedLine,
} from "./script-parts";
import { qiskitPlateau } from "./plateau-script";
import { minimiseRun, scanRun, targetLiterals, trainReport } from "./script-runs";

const LIBRARY = "qiskit-ml";

export function qiskitMlScript(plan: ExportPlan): string {
  const lines = (() => {
    switch (plan.kind) {
      case "train":
        return train(plan);
      case "kernel":
        return kernel(plan);
      case "scan":
        return scan(plan);
      case "minimise":
        return minimise(plan);
      case "plateau":
        return qiskitPlateau(plan);
    }
  })();
  return lines.join("\n") + "\n";
}

function requirements(nelderMead: boolean) {
  return {
    targets:
      "Python 3.10+, Qiskit 1.x or 2.x (qiskit.primitives StatevectorEstimator / StatevectorSampler), " +
      `qiskit-machine-learning 0.8 (V2 primitives), NumPy${nelderMead ? ", SciPy 1.11+ (Nelder–Mead)" : ""}`,
    pip: `"qiskit>=1.0" "qiskit-machine-learning>=0.8,<0.9" numpy${nelderMead ? ' "scipy>=1.11"' : ""}`,
  };
}

interface Imports {
  readonly library: readonly string[];
  readonly lines: readonly string[];
}

function imports({ library, lines }: Imports, nelderMead = false): string[] {
  return [
    "",
    "from math import pi",
    "",
    "import numpy as np",
    "from qiskit import QuantumCircuit, QuantumRegister",
    "from qiskit.circuit import Parameter, ParameterVector",
    ...(library.length > 0 ? [`from qiskit.circuit.library import ${library.join(", ")}`] : []),
    ...lines,
    ...(nelderMead ? ["from scipy.optimize import minimize"] : []),
  ];
}

/** Inputs no gate uses: Qiskit drops such parameters, so values would bind to the wrong ones. */
function requireUsed(circuit: Circuit, inputs: readonly string[], names: readonly string[]): void {
  const used = new Set<string>();
  for (const op of circuit.ops) {
    const angles =
      op.kind === "gate"
        ? (op.symbolic ?? [])
        : op.kind === "gphase" && op.symbolic
          ? [op.symbolic]
          : [];
    for (const angle of angles) for (const i of angleInputs(angle)) used.add(inputs[i]);
  }
  const unused = names.find((name) => !used.has(name));
  if (unused !== undefined) {
    throw new QuantumError(
      "unsupported",
      `Qiskit export: input \`${unused}\` is declared but no gate uses it, and a Qiskit circuit keeps only the parameters its gates use; use it or remove it`,
    );
  }
}

/** The circuit's declarations and gates, indented for module level. */
function circuitLines(
  plan: Exclude<ExportPlan, PlateauPlan>,
  symbol: PythonDialect["symbol"],
  variables: readonly string[] = [],
) {
  const body = circuitBody(plan.circuit.circuit, "qiskit", { symbol, call: qiskitCall }, [
    ...SCRIPT_NAMES,
    "qnn",
    "kernel",
    "qsvc",
    "sampler",
    ...variables,
  ]);
  return {
    lines: [
      ...comment(
        "The cell's circuit. Qiskit numbers qubits as Ketbook does (qubit 0 is the least " +
          "significant bit), so nothing is reordered.",
      ),
      ...body.declarations,
      ...body.lines,
    ],
    library: body.libraryImports,
  };
}

function vector(variable: string, label: string, names: readonly string[], role: string): string {
  return `${variable} = ParameterVector(${pyString(label)}, ${names.length})  # ${role} ${nameRange(names)} → ${variable}[0..${names.length - 1}]`;
}

function groupSymbols(groups: readonly { array: string; names: readonly string[] }[]) {
  return (_index: number, name: string): string => {
    for (const { array, names } of groups) {
      const at = names.indexOf(name);
      if (at >= 0) return `${array}[${at}]`;
    }
    throw new Error(`input ${name} has no place in the script`);
  };
}

function estimatorLines(spec: MeasuredSpec): string[] {
  if (spec.shots === "exact") {
    return [
      "PRECISION = 0.0  # exact expectation values",
      "estimator = StatevectorEstimator(seed=SEED)",
    ];
  }
  return [
    ...comment(
      "StatevectorEstimator stands in for SHOTS shots per expectation value by adding Gaussian " +
        "noise of standard deviation 1/sqrt(SHOTS), the largest error of a ±1 outcome averaged " +
        "over SHOTS shots; Ketbook samples each Pauli term SHOTS times.",
    ),
    "PRECISION = 1 / np.sqrt(SHOTS)",
    "estimator = StatevectorEstimator(default_precision=PRECISION, seed=SEED)",
  ];
}

function gradientNotes(spec: MeasuredSpec & { gradient: string }): string[] {
  if (spec.gradient === "adjoint") {
    return [
      "Qiskit has no adjoint differentiation; the exact parameter-shift gradients of the " +
        "statevector estimator are the same numbers.",
    ];
  }
  if (spec.gradient === "finite-difference") {
    return ["Finite differences are written out with Ketbook's steps (finite_difference)."];
  }
  return [];
}

/** Central differences as Ketbook takes them: h = 1e-5·max(1, |x_j|) exact, 1e-3 with shots. */
function finiteDifference(spec: MeasuredSpec): string[] {
  const relative = spec.shots === "exact";
  return [
    "def finite_difference(value, x):",
    relative
      ? '    """Central differences with the step 1e-5 * max(1, |x_j|), as Ketbook takes them."""'
      : '    """Central differences of measured values with the step 1e-3, as Ketbook takes them."""',
    "    x = np.asarray(x, dtype=float)",
    "    g = np.zeros(len(x))",
    "    for j in range(len(x)):",
    relative ? "        h = 1e-5 * max(1.0, abs(x[j]))" : "        h = 1e-3",
    "        e = np.zeros(len(x))",
    "        e[j] = h",
    "        g[j] = (value(x + e) - value(x - e)) / (2 * h)",
    "    return g",
  ];
}

function optimizerSection(
  optimizer: OptimizerSpec,
  perturbations?: readonly (readonly number[])[],
) {
  const accessors = [
    "def value_of(cost, x):",
    "    return cost.value(x)",
    "",
    "",
    "def value_and_gradient(cost, x):",
    "    return cost.value_and_gradient(x)",
  ];
  return [
    ...section("Optimiser (Ketbook's update rule)"),
    ...(perturbations ? [...perturbationsLiteral(perturbations), "", ""] : []),
    ...accessors,
    "",
    "",
    ...optimizerClass(optimizer),
    ...(optimizer.kind === "nelder-mead"
      ? []
      : ["", "", "def make_optimizer():", `    return ${optimizerConstructor(optimizer)}`]),
  ];
}

function train(plan: TrainPlan): string[] {
  const { spec } = plan;
  const nm = spec.optimizer.kind === "nelder-mead";
  requireUsed(plan.circuit.circuit, plan.circuit.inputs, [...spec.features, ...plan.weights]);
  const circuit = circuitLines(
    plan,
    groupSymbols([
      { array: "x", names: spec.features },
      { array: "w", names: plan.weights },
    ]),
  );
  const fd = spec.gradient === "finite-difference";
  return [
    ...header(spec, LIBRARY, requirements(nm), [
      "The training loop is written out around the EstimatorQNN (forward and backward passes) " +
        "instead of NeuralNetworkClassifier.fit, whose objective is always the whole training " +
        "set under Qiskit's optimisers: Ketbook's run takes minibatches, may train a classical " +
        "bias, and uses its own optimiser updates, and the script repeats them step for step.",
      ...gradientNotes(spec),
    ]),
    ...imports(
      {
        library: circuit.library,
        lines: [
          "from qiskit.primitives import StatevectorEstimator",
          "from qiskit.quantum_info import SparsePauliOp",
          "from qiskit_machine_learning.gradients import ParamShiftEstimatorGradient",
          "from qiskit_machine_learning.neural_networks import EstimatorQNN",
        ],
      },
      nm,
    ),
    "",
    ...seedLine(spec),
    ...dataSection(plan.data, spec.data),
    ...section("Model"),
    vector("x", "x", spec.features, "features"),
    vector("w", spec.weights, plan.weights, "weights"),
    ...circuit.lines,
    "",
    ...comment(BIT_ORDER_NOTE["qiskit-ml"]),
    `OBSERVABLE = SparsePauliOp.from_list([${plan.observable.map((t) => `(${pyString(t.pauli)}, ${pyNumber(t.coefficient)})`).join(", ")}])`,
    `N_WEIGHTS = ${plan.weights.length}`,
    `BIAS = ${spec.bias ? "True  # a classical bias is trained after the weights" : "False"}`,
    ...estimatorLines(spec),
    "qnn = EstimatorQNN(",
    "    circuit=qc,",
    "    observables=OBSERVABLE,",
    "    input_params=list(x),",
    "    weight_params=list(w),",
    "    estimator=estimator,",
    "    gradient=ParamShiftEstimatorGradient(estimator=estimator),",
    "    default_precision=PRECISION,",
    ")",
    "",
    "",
    "def outputs(theta, X):",
    '    """f(x) = <observable> (+ bias) for each row of X."""',
    "    if len(X) == 0:",
    "        return np.zeros(0)",
    "    f = qnn.forward(X, theta[:N_WEIGHTS])[:, 0]",
    "    return f + theta[N_WEIGHTS] if BIAS else f",
    "",
    "",
    ...(fd ? [...finiteDifference(spec), "", ""] : []),
    "def weight_gradients(theta, X):",
    '    """d f(x) / d weights for each row of X."""',
    ...(fd
      ? [
          "    return np.array(",
          "        [finite_difference(lambda v: qnn.forward(row, v)[0, 0], theta[:N_WEIGHTS]) for row in X]",
          "    )",
        ]
      : ["    return qnn.backward(X, theta[:N_WEIGHTS])[1][:, 0, :]"]),
    "",
    "",
    ...numpyLoss(spec.loss),
    "",
    "",
    "class TrainingLoss:",
    '    """The mean loss over some training rows, and its gradient by the chain rule."""',
    "",
    "    def __init__(self, rows):",
    "        self.rows = np.asarray(rows)",
    "",
    "    def value(self, theta):",
    "        f = outputs(theta, X_TRAIN[self.rows])",
    "        return sum(loss(Y_TRAIN[self.rows], f).tolist()) / len(self.rows)",
    "",
    "    def value_and_gradient(self, theta):",
    "        X, y = X_TRAIN[self.rows], Y_TRAIN[self.rows]",
    "        f = outputs(theta, X)",
    "        df = weight_gradients(theta, X)",
    "        if BIAS:",
    "            df = np.hstack([df, np.ones((len(f), 1))])",
    "        dl = loss_derivative(y, f)",
    "        return sum(loss(y, f).tolist()) / len(f), (dl[:, None] * df).sum(axis=0) / len(f)",
    "",
    "",
    ...metricHelpers(),
    "",
    "",
    "def evaluate(theta):",
    '    """Loss on all training points and accuracy on both parts, as Ketbook reports them."""',
    "    train, test = outputs(theta, X_TRAIN), outputs(theta, X_TEST)",
    "    train_loss = sum(loss(Y_TRAIN, train).tolist()) / len(train)",
    "    return train_loss, accuracy(Y_TRAIN, train), accuracy(Y_TEST, test)",
    ...optimizerSection(spec.optimizer, plan.perturbations),
    ...section("Training"),
    ...initialLiteral("INITIAL_THETA", plan.initial, spec.init, spec, spec.bias),
    `STEPS = ${spec.steps}`,
    ...batchesLiteral(plan.batches),
    "ALL_ROWS = list(range(len(X_TRAIN)))",
    "",
    ...(nm
      ? [
          `theta, best_values, _ = nelder_mead(TrainingLoss(ALL_ROWS), INITIAL_THETA, ${pyNumber(initialStepOf(spec.optimizer))}, STEPS)`,
          "for step, value in enumerate(best_values, start=1):",
          "    if step <= 3 or step == len(best_values):",
          '        print(f"step {step}: best loss {value:.4f}")',
        ]
      : [
          "theta = np.array(INITIAL_THETA, dtype=float)",
          "opt = make_optimizer()",
          "for step in range(1, STEPS + 1):",
          "    train_loss, train_accuracy, test_accuracy = evaluate(theta)",
          "    rows = ALL_ROWS if BATCHES is None else BATCHES[step - 1]",
          "    theta, _ = opt.step_and_cost(TrainingLoss(rows), theta)",
          "    if step <= 3 or step == STEPS:",
          "        print(",
          '            f"step {step}: loss {train_loss:.4f}, accuracy {train_accuracy:.1%} train"',
          '            f" / {test_accuracy:.1%} test"',
          "        )",
        ]),
    "",
    ...trainReport(),
  ];
}

function kernel(plan: KernelPlan): string[] {
  const { spec } = plan;
  const exact = spec.shots === "exact";
  requireUsed(plan.circuit.circuit, plan.circuit.inputs, spec.features);
  const circuit = circuitLines(plan, groupSymbols([{ array: "x", names: spec.features }]));
  return [
    ...header(spec, LIBRARY, requirements(false), [
      "QSVC is scikit-learn's SVC (LIBSVM) on the quantum kernel, with Ketbook's C and its KKT " +
        "tolerance 1e-6; Ketbook solves the same dual with the same working-set rule.",
    ]),
    ...imports({
      library: circuit.library,
      lines: [
        ...(exact
          ? ["from qiskit_machine_learning.kernels import FidelityStatevectorKernel"]
          : [
              "from qiskit.primitives import StatevectorSampler",
              "from qiskit_machine_learning.kernels import FidelityQuantumKernel",
              "from qiskit_machine_learning.state_fidelities import ComputeUncompute",
            ]),
        "from qiskit_machine_learning.algorithms import QSVC",
      ],
    }),
    "",
    ...seedLine(spec),
    ...dataSection(plan.data, spec.data),
    ...section("Feature map and kernel"),
    vector("x", "x", spec.features, "features"),
    ...circuit.lines,
    "",
    ...(exact
      ? [
          "# k(a, b) = |<psi(a)|psi(b)>|^2 from exact statevectors, as Ketbook computes it.",
          "kernel = FidelityStatevectorKernel(feature_map=qc)",
        ]
      : [
          "# Compute-uncompute with SHOTS shots per entry: the all-zeros frequency estimates k(a, b).",
          "sampler = StatevectorSampler(default_shots=SHOTS, seed=SEED)",
          "kernel = FidelityQuantumKernel(feature_map=qc, fidelity=ComputeUncompute(sampler=sampler))",
        ]),
    ...section("Support vector machine"),
    `qsvc = QSVC(quantum_kernel=kernel, C=${pyNumber(spec.C)}, tol=1e-6)`,
    "qsvc.fit(X_TRAIN, Y_TRAIN)",
    "train_accuracy = float(np.mean(qsvc.predict(X_TRAIN) == Y_TRAIN))",
    'test_accuracy = float(np.mean(qsvc.predict(X_TEST) == Y_TEST)) if len(Y_TEST) else float("nan")',
    'print(f"support vectors: {len(qsvc.support_)}")',
    'print(f"train accuracy: {train_accuracy:.1%}")',
    'print(f"test accuracy: {test_accuracy:.1%}")',
  ];
}

function scan(plan: ScanPlan): string[] {
  const { spec } = plan;
  const names = plan.circuit.inputs.map((name) => pythonName(name));
  // Registers are renamed around the inputs' variables, not the other way round.
  const circuit = circuitLines(plan, (index) => names[index], names);
  return [
    ...header(spec, LIBRARY, requirements(false), []),
    ...imports({
      library: circuit.library,
      lines: [
        "from qiskit.primitives import StatevectorEstimator",
        "from qiskit.quantum_info import SparsePauliOp",
      ],
    }),
    "",
    ...seedLine(spec),
    ...section("Observable"),
    ...comment(BIT_ORDER_NOTE["qiskit-ml"]),
    ...describeTarget(plan.target),
    ...targetLiterals(plan.target, LIBRARY),
    ...section("Circuit"),
    ...plan.circuit.inputs.map((name, i) => `${names[i]} = Parameter(${pyString(name)})`),
    ...circuit.lines,
    "",
    ...estimatorLines(spec),
    "",
    "",
    "def expectations(points):",
    '    """<H> at each point, in one estimator run; values bind in qc.parameters order (by name)."""',
    "    order = list(qc.parameters)",
    "    values = np.array([[point[p.name] for p in order] for point in points]).reshape(len(points), len(order))",
    "    return [float(v) for v in estimator.run([(qc, H, values)]).result()[0].data.evs]",
    ...scanRun(plan),
  ];
}

function minimise(plan: MinimisePlan): string[] {
  const { spec } = plan;
  const nm = spec.optimizer.kind === "nelder-mead";
  const fd = spec.gradient === "finite-difference";
  requireUsed(plan.circuit.circuit, plan.circuit.inputs, plan.weights);
  const circuit = circuitLines(plan, groupSymbols([{ array: "w", names: plan.weights }]));
  return [
    ...header(spec, LIBRARY, requirements(nm), gradientNotes(spec)),
    ...imports(
      {
        library: circuit.library,
        lines: [
          "from qiskit.primitives import StatevectorEstimator",
          "from qiskit.quantum_info import SparsePauliOp",
          ...(fd
            ? []
            : ["from qiskit_machine_learning.gradients import ParamShiftEstimatorGradient"]),
        ],
      },
      nm,
    ),
    "",
    ...seedLine(spec),
    ...section("Hamiltonian"),
    ...comment(BIT_ORDER_NOTE["qiskit-ml"]),
    ...describeTarget(plan.targets[0], plan.sweep),
    ...(plan.sweep
      ? targetLiterals(plan.targets, LIBRARY)
      : targetLiterals(plan.targets[0], LIBRARY)),
    ...section("Ansatz"),
    vector("w", spec.weights, plan.weights, "weights"),
    ...circuit.lines,
    "",
    ...estimatorLines(spec),
    ...(fd ? [] : ["gradient = ParamShiftEstimatorGradient(estimator=estimator)"]),
    "",
    "",
    ...(fd ? [...finiteDifference(spec), "", ""] : []),
    "class Energy:",
    '    """<H> at the weights (bound in order: w[0], w[1], ...), and its gradient."""',
    "",
    "    def __init__(self, hamiltonian):",
    "        self.hamiltonian = hamiltonian",
    "",
    "    def value(self, weights):",
    "        return float(estimator.run([(qc, self.hamiltonian, weights)]).result()[0].data.evs)",
    "",
    "    def value_and_gradient(self, weights):",
    ...(fd
      ? ["        return self.value(weights), finite_difference(self.value, weights)"]
      : [
          "        g = gradient.run([qc], [self.hamiltonian], [weights]).result().gradients[0]",
          "        return self.value(weights), np.asarray(g, dtype=float)",
        ]),
    "",
    "",
    "def energy_of(hamiltonian):",
    "    return Energy(hamiltonian)",
    ...optimizerSection(spec.optimizer, plan.perturbations),
    ...section("Minimisation"),
    ...initialLiteral("INITIAL_WEIGHTS", plan.initial, spec.init, spec),
    `STEPS = ${spec.steps}`,
    ...minimiseRun(plan, LIBRARY),
  ];
}
