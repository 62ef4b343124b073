/**
 * An experiment as a PennyLane script: the cell's circuit as a `qml.qnode` on `default.qubit`
 * with its inputs as arguments (features `x[i]`, weights `weights[k]`), the library's own
 * optimisers where their update is Ketbook's (gradient descent, heavy-ball momentum, Adam) and
 * Ketbook's update written out where it is not (Nesterov in look-ahead form, SPSA with Ketbook's
 * perturbations, Nelder–Mead through SciPy), autograd gradients by the cell's method.
 */
import type { GradientName } from "../experiments/model";
import type { MeasuredSpec, OptimizerSpec } from "../experiments/spec";
import { circuitBody } from "./circuit-body";
import { pennylaneCall, type PythonDialect } from "./expression";
import { pythonName } from "./names";
import { pennylaneOperator } from "./pauli";
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
  optimizerClass,
  optimizerConstructor,
  perturbationsLiteral,
  section,
  seedLine,
  termsLiteral,
} from "./script-parts";
import { pennylanePlateau } from "./plateau-script";
import { minimiseRun, scanRun, targetLiterals, trainReport } from "./script-runs";

const LIBRARY = "pennylane";

export function pennylaneScript(plan: ExportPlan): string {
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
        return pennylanePlateau(plan);
    }
  })();
  return lines.join("\n") + "\n";
}

function requirements(spec: MeasuredSpec, extra: string[] = []) {
  const pip = ['"pennylane>=0.42"', "numpy", ...extra];
  return {
    targets: `Python 3.10+, PennyLane 0.42 or newer (qml.set_shots, qml.math, gradient_kwargs), NumPy${extra.includes('"scipy>=1.11"') ? ", SciPy 1.11+ (Nelder–Mead)" : ""}${extra.includes("scikit-learn") ? ", scikit-learn (SVC)" : ""}`,
    pip: pip.join(" "),
    spec,
  };
}

function imports(optimizer?: OptimizerSpec, svm = false): string[] {
  return [
    "",
    "from math import pi",
    "",
    "import numpy as np",
    "import pennylane as qml",
    "from pennylane import numpy as pnp",
    ...(optimizer?.kind === "nelder-mead" ? ["from scipy.optimize import minimize"] : []),
    ...(svm ? ["from sklearn.svm import SVC"] : []),
  ];
}

/** `@qml.set_shots` and `@qml.qnode` with the cell's gradient method. */
function qnode(spec: MeasuredSpec, gradient?: GradientName): string[] {
  const shots = spec.shots === "exact" ? [] : ["@qml.set_shots(SHOTS)"];
  if (!gradient) return [...shots, "@qml.qnode(dev)"];
  const method =
    gradient === "adjoint"
      ? '"adjoint"'
      : gradient === "parameter-shift"
        ? '"parameter-shift"'
        : `"finite-diff", gradient_kwargs={"h": ${spec.shots === "exact" ? "1e-05" : "0.001"}, "approx_order": 2, "strategy": "center"}`;
  return [...shots, `@qml.qnode(dev, diff_method=${method})`];
}

function device(numQubits: number): string[] {
  return [
    `N_QUBITS = ${numQubits}`,
    'dev = qml.device("default.qubit", wires=N_QUBITS, seed=SEED)',
  ];
}

function body(plan: Exclude<ExportPlan, PlateauPlan>, symbol: PythonDialect["symbol"]): string[] {
  const { lines, declarations } = circuitBody(plan.circuit.circuit, "pennylane", {
    symbol,
    call: pennylaneCall,
  });
  return [
    ...comment(
      "The cell's circuit, Ketbook's qubit i on wire i. PennyLane reads wire 0 as the most " +
        "significant bit, Ketbook and Qiskit as the least; the script reads only expectation " +
        "values and overlaps, which do not depend on that convention.",
      "    ",
    ),
    ...declarations.map((line) => `    ${line}`),
    ...lines.map((line) => `    ${line}`),
  ];
}

/** Which position of the argument array each named input takes. */
function symbols(groups: readonly { array: string; names: readonly string[] }[]) {
  return (_index: number, name: string): string => {
    for (const { array, names } of groups) {
      const at = names.indexOf(name);
      if (at >= 0) return `${array}[${at}]`;
    }
    throw new Error(`input ${name} has no place in the script`);
  };
}

function optimizerNotes(optimizer: OptimizerSpec, gradient?: GradientName, spec?: MeasuredSpec) {
  const notes: string[] = [];
  if (optimizer.kind === "adam") {
    notes.push(
      "qml.AdamOptimizer adds eps to sqrt(v) where Ketbook adds it to sqrt(v_hat) " +
        "(v_hat = v / (1 - beta2^t)); with eps = 1e-8 the steps differ only while gradients are " +
        "near 1e-8.",
    );
  }
  if (optimizer.kind === "nesterov") {
    notes.push(
      "Nesterov momentum is written out (class Momentum): qml.NesterovMomentumOptimizer runs the " +
        "same method but holds the point before the look-ahead, while Ketbook holds, and " +
        "evaluates, the look-ahead point itself.",
    );
  }
  if (gradient === "finite-difference" && spec?.shots === "exact") {
    notes.push(
      "Finite differences use a fixed step h = 1e-5; Ketbook scales it by max(1, |theta_j|), " +
        "which changes gradients only at the 1e-9 level.",
    );
  }
  return notes;
}

function libraryOptimizer(optimizer: OptimizerSpec): string | undefined {
  switch (optimizer.kind) {
    case "gd":
      return `qml.GradientDescentOptimizer(stepsize=${pyNumber(optimizer.stepSize)})`;
    case "momentum":
      return `qml.MomentumOptimizer(stepsize=${pyNumber(optimizer.stepSize)}, momentum=${pyNumber(optimizer.momentum)})`;
    case "adam":
      return `qml.AdamOptimizer(stepsize=${pyNumber(optimizer.stepSize)}, beta1=${pyNumber(optimizer.beta1)}, beta2=${pyNumber(optimizer.beta2)}, eps=1e-08)`;
    default:
      return undefined;
  }
}

/**
 * The optimiser's definition and `make_optimizer()`; the loop calls
 * `opt.step_and_cost(cost, x)` for both library and hand-written optimisers.
 */
function optimizerSection(
  optimizer: OptimizerSpec,
  perturbations?: readonly (readonly number[])[],
) {
  const library = libraryOptimizer(optimizer);
  const accessors = [
    "def value_of(cost, x):",
    "    return float(cost(x))",
    "",
    "",
    "def value_and_gradient(cost, x):",
    "    return float(cost(x)), qml.grad(cost)(x)",
  ];
  if (library) {
    return [
      ...section("Optimiser"),
      ...accessors,
      "",
      "",
      "def make_optimizer():",
      `    return ${library}`,
    ];
  }
  if (optimizer.kind === "nelder-mead") {
    return [...section("Optimiser"), ...accessors, "", "", ...optimizerClass(optimizer)];
  }
  return [
    ...section("Optimiser"),
    ...(perturbations ? [...perturbationsLiteral(perturbations), "", ""] : []),
    ...accessors,
    "",
    "",
    ...optimizerClass(optimizer),
    "",
    "",
    "def make_optimizer():",
    `    return ${optimizerConstructor(optimizer)}`,
  ];
}

/** The loss of one sample, differentiable by autograd. */
function autogradLoss(loss: TrainPlan["spec"]["loss"]): string[] {
  switch (loss) {
    case "square":
      return ["def loss(y, f):", '    """Square loss (y - f)^2."""', "    return (y - f) ** 2"];
    case "hinge":
      return [
        "def loss(y, f):",
        '    """Hinge loss max(0, 1 - y f)."""',
        "    return pnp.maximum(0, 1 - y * f)",
      ];
    case "cross-entropy":
      return [
        "CLIP = 1e-7  # p = (1 + f)/2 is clipped to [CLIP, 1 - CLIP]",
        "",
        "",
        "def loss(y, f):",
        '    """Binary cross-entropy of p = (1 + f)/2 read as P(y = +1)."""',
        "    p = pnp.clip((1 + f) / 2, CLIP, 1 - CLIP)",
        "    return -pnp.log(p) if y > 0 else -pnp.log(1 - p)",
      ];
  }
}

function train(plan: TrainPlan): string[] {
  const { spec } = plan;
  const nm = spec.optimizer.kind === "nelder-mead";
  const notes = [...optimizerNotes(spec.optimizer, spec.gradient, spec)];
  if (spec.loss !== "square") {
    notes.push(
      spec.loss === "hinge"
        ? "autograd's slope of max(0, 1 - y f) at the kink y f = 1 is 1/2, Ketbook's is 0; a " +
            "prediction lands exactly there with probability zero."
        : "autograd's slope of the clipped probability is 0 outside the clip, where Ketbook " +
            "keeps the unclipped slope; this matters only for predictions within 2e-7 of ±1.",
    );
  }
  const symbol = symbols([
    { array: "x", names: spec.features },
    { array: "weights", names: plan.weights },
  ]);
  return [
    ...header(spec, LIBRARY, requirements(spec, nm ? ['"scipy>=1.11"'] : []), notes),
    ...imports(spec.optimizer),
    "",
    ...seedLine(spec),
    ...dataSection(plan.data, spec.data),
    ...section("Model"),
    ...comment(BIT_ORDER_NOTE.pennylane),
    ...observableLines(plan.observable),
    "",
    ...device(plan.circuit.numQubits),
    `N_WEIGHTS = ${plan.weights.length}  # ${nameRange(plan.weights)} → weights[0..${plan.weights.length - 1}]`,
    "",
    "",
    ...qnode(spec, spec.gradient),
    "def circuit(weights, x):",
    ...body(plan, symbol),
    "    return qml.expval(OBSERVABLE)",
    "",
    "",
    "def model(theta, x):",
    spec.bias
      ? '    """f(x) = <observable> + bias; theta holds the weights, then the bias."""'
      : '    """f(x) = <observable>; theta holds the weights."""',
    spec.bias
      ? "    return circuit(theta[:N_WEIGHTS], x) + theta[N_WEIGHTS]"
      : "    return circuit(theta, x)",
    "",
    "",
    ...autogradLoss(spec.loss),
    "",
    "",
    "def mean_loss(theta, rows):",
    '    """Mean loss over training rows, summed in row order as Ketbook sums it."""',
    "    return sum(loss(Y_TRAIN[i], model(theta, X_TRAIN[i])) for i in rows) / len(rows)",
    "",
    "",
    ...metricHelpers(),
    "",
    "",
    "def evaluate(theta):",
    '    """Loss on all training points and accuracy on both parts, as Ketbook reports them."""',
    "    train = np.array([float(model(theta, x)) for x in X_TRAIN])",
    "    test = np.array([float(model(theta, x)) for x in X_TEST])",
    "    train_loss = sum(float(loss(y, f)) for y, f in zip(Y_TRAIN, train)) / len(train)",
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
          `theta, best_values, _ = nelder_mead(lambda t: mean_loss(t, ALL_ROWS), INITIAL_THETA, ${pyNumber(initialStepOf(spec.optimizer))}, STEPS)`,
          "for step, value in enumerate(best_values, start=1):",
          "    if step <= 3 or step == len(best_values):",
          '        print(f"step {step}: best loss {value:.4f}")',
        ]
      : [
          "theta = pnp.array(INITIAL_THETA, requires_grad=True)",
          "opt = make_optimizer()",
          "for step in range(1, STEPS + 1):",
          "    train_loss, train_accuracy, test_accuracy = evaluate(theta)",
          "    rows = ALL_ROWS if BATCHES is None else BATCHES[step - 1]",
          "    theta, _ = opt.step_and_cost(lambda t: mean_loss(t, rows), theta)",
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

function observableLines(terms: TrainPlan["observable"]): string[] {
  if (terms.length === 1 && terms[0].coefficient === 1) {
    return [`OBSERVABLE = ${pennylaneOperator(terms[0].pauli)}  # ${pyString(terms[0].pauli)}`];
  }
  return [
    "# (coefficient, Pauli label in Qiskit order, the same term as a PennyLane operator)",
    `OBSERVABLE_TERMS = ${termsLiteral(terms, LIBRARY, "").join("\n")}`,
    "OBSERVABLE = qml.Hamiltonian([c for c, _, _ in OBSERVABLE_TERMS], [op for _, _, op in OBSERVABLE_TERMS])",
  ];
}

function kernel(plan: KernelPlan): string[] {
  const { spec } = plan;
  const exact = spec.shots === "exact";
  const symbol = symbols([{ array: "x", names: spec.features }]);
  return [
    ...header(spec, LIBRARY, requirements(spec, ["scikit-learn"]), [
      "The SVM is scikit-learn's SVC (LIBSVM) on the precomputed Gram matrix with Ketbook's C and " +
        "its KKT tolerance 1e-6; Ketbook solves the same dual with the same working-set rule.",
    ]),
    ...imports(undefined, true),
    "",
    ...seedLine(spec),
    ...dataSection(plan.data, spec.data),
    ...section("Feature map and kernel"),
    ...device(plan.circuit.numQubits),
    "",
    "",
    "def feature_map(x):",
    ...body(plan, symbol),
    "",
    "",
    ...(exact
      ? [
          ...qnode(spec),
          "def feature_state(x):",
          "    feature_map(x)",
          "    return qml.state()",
          "",
          "",
          "def kernel_matrix(A, B):",
          '    """k(a, b) = |<psi(a)|psi(b)>|^2 from exact states, as Ketbook computes it."""',
          "    sa = np.array([feature_state(a) for a in A])",
          "    sb = np.array([feature_state(b) for b in B])",
          "    return np.abs(sa.conj() @ sb.T) ** 2",
          "",
          "",
          "K_TRAIN = kernel_matrix(X_TRAIN, X_TRAIN)",
          "np.fill_diagonal(K_TRAIN, 1.0)  # exactly 1, as Ketbook sets it",
          "K_TEST = kernel_matrix(X_TEST, X_TRAIN)",
        ]
      : [
          ...qnode(spec),
          "def overlap(a, b):",
          '    """Compute-uncompute: the all-zeros frequency of U(b)^dagger U(a)|0> estimates k(a, b)."""',
          "    feature_map(a)",
          "    qml.adjoint(feature_map)(b)",
          "    return qml.probs(wires=range(N_QUBITS))",
          "",
          "",
          "def kernel(a, b):",
          "    return float(overlap(a, b)[0])",
          "",
          "",
          "n = len(X_TRAIN)",
          "K_TRAIN = np.eye(n)  # k(x, x) = 1 is not measured",
          "for i in range(n):",
          "    for j in range(i):",
          "        K_TRAIN[i, j] = K_TRAIN[j, i] = kernel(X_TRAIN[i], X_TRAIN[j])",
          "K_TEST = np.array([[kernel(x, t) for t in X_TRAIN] for x in X_TEST]).reshape(len(X_TEST), n)",
        ]),
    ...section("Support vector machine"),
    `svm = SVC(kernel="precomputed", C=${pyNumber(spec.C)}, tol=1e-6).fit(K_TRAIN, Y_TRAIN)`,
    "train_accuracy = float(np.mean(svm.predict(K_TRAIN) == Y_TRAIN))",
    'test_accuracy = float(np.mean(svm.predict(K_TEST) == Y_TEST)) if len(Y_TEST) else float("nan")',
    "off_diagonal = K_TRAIN[~np.eye(len(K_TRAIN), dtype=bool)]",
    'print(f"support vectors: {len(svm.support_)}")',
    'print(f"train accuracy: {train_accuracy:.1%}")',
    'print(f"test accuracy: {test_accuracy:.1%}")',
    'print(f"off-diagonal kernel values: mean {off_diagonal.mean():.3f}, variance {off_diagonal.var():.2e}")',
  ];
}

function scan(plan: ScanPlan): string[] {
  const { spec } = plan;
  const names = plan.circuit.inputs.map((name) => pythonName(name));
  const symbol = (index: number) => names[index];
  return [
    ...header(spec, LIBRARY, requirements(spec), []),
    ...imports(),
    "",
    ...seedLine(spec),
    ...section("Observable"),
    ...comment(BIT_ORDER_NOTE.pennylane),
    ...describeTarget(plan.target),
    ...targetLiterals(plan.target, LIBRARY),
    ...section("Circuit"),
    ...device(plan.circuit.numQubits),
    "",
    "",
    ...qnode(spec),
    `def circuit(${names.join(", ")}):`,
    ...body(plan, symbol),
    "    return qml.expval(H)",
    "",
    "",
    "def expectations(points):",
    '    """<H> at each point (a dict of input values)."""',
    `    return [float(circuit(${plan.circuit.inputs.map((name) => `point[${pyString(name)}]`).join(", ")})) for point in points]`,
    ...scanRun(plan),
  ];
}

function minimise(plan: MinimisePlan): string[] {
  const { spec } = plan;
  const nm = spec.optimizer.kind === "nelder-mead";
  const symbol = symbols([{ array: "weights", names: plan.weights }]);
  return [
    ...header(
      spec,
      LIBRARY,
      requirements(spec, nm ? ['"scipy>=1.11"'] : []),
      optimizerNotes(spec.optimizer, spec.gradient, spec),
    ),
    ...imports(spec.optimizer),
    "",
    ...seedLine(spec),
    ...section("Hamiltonian"),
    ...comment(BIT_ORDER_NOTE.pennylane),
    ...describeTarget(plan.targets[0], plan.sweep),
    ...minimiseTargets(plan),
    ...section("Ansatz"),
    ...device(plan.circuit.numQubits),
    `N_WEIGHTS = ${plan.weights.length}  # ${nameRange(plan.weights)} → weights[0..${plan.weights.length - 1}]`,
    "",
    "",
    "def ansatz(weights):",
    ...body(plan, symbol),
    "",
    "",
    "def energy_of(hamiltonian):",
    '    """The cost <H>(weights) as a QNode."""',
    "",
    ...qnode(spec, spec.gradient).map((line) => `    ${line}`),
    "    def cost(weights):",
    "        ansatz(weights)",
    "        return qml.expval(hamiltonian)",
    "",
    "    return cost",
    ...optimizerSection(spec.optimizer, plan.perturbations),
    ...section("Minimisation"),
    ...initialLiteral("INITIAL_WEIGHTS", plan.initial, spec.init, spec),
    `STEPS = ${spec.steps}`,
    ...minimiseRun(plan, LIBRARY),
  ];
}

function minimiseTargets(plan: MinimisePlan): string[] {
  return plan.sweep
    ? targetLiterals(plan.targets, LIBRARY)
    : targetLiterals(plan.targets[0], LIBRARY);
}
