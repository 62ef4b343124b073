/**
 * The parts of an exported script both libraries share: the header (what it reproduces, the
 * library versions and the pip line), the data literals with their provenance, the Hamiltonian
 * literals, the metrics, and Ketbook's optimisers written out in NumPy where no library
 * optimiser performs the same update (so the iterates match step for step).
 */
import type { LabelledTerm } from "../data/pauli";
import type { PreparedData } from "../experiments/data";
import {
  measurementOf,
  type ExperimentSpec,
  type OptimizerSpec,
  type TrainSpec,
} from "../experiments/spec";
import { pennylaneOperator } from "./pauli";
import type { TargetPlan } from "./plan";
import { comment, pyArray, pyList, pyNumber, pyNumbers, pyString } from "./python";

export type ScriptLibrary = "pennylane" | "qiskit-ml";

export const LIBRARY_TITLE: Record<ScriptLibrary, string> = {
  pennylane: "PennyLane",
  "qiskit-ml": "Qiskit Machine Learning",
};

const WHAT: Record<ExperimentSpec["experiment"], string> = {
  train: "trains a variational quantum classifier",
  kernel: "fits a support vector machine on a quantum (fidelity) kernel",
  scan: "scans an expectation value over a grid of input values",
  minimise: "minimises an expectation value over the circuit's weights (VQE / QAOA)",
  plateau:
    "measures how the variance of a cost's gradient falls with the number of qubits (barren plateaus)",
};

export function header(
  spec: ExperimentSpec,
  library: ScriptLibrary,
  requirements: { readonly targets: string; readonly pip: string },
  notes: readonly string[],
): string[] {
  const title = LIBRARY_TITLE[library];
  return [
    `# A Ketbook experiment cell (\`experiment: ${spec.experiment}\`) exported as a ${title} script: it`,
    `# ${WHAT[spec.experiment]}.`,
    "#",
    ...comment(`Targets ${requirements.targets}.`),
    `#   pip install ${requirements.pip}`,
    "#",
    ...comment(
      "It reproduces the run on Ketbook: the same data points and split, circuit, observable, " +
        "loss, optimiser settings, steps, minibatches, seed and initial weights, and prints the " +
        "metrics Ketbook reports. With exact simulation the numbers agree with Ketbook's to " +
        "floating-point rounding; with shots they agree statistically (each library draws its " +
        "own samples).",
    ),
    ...notes.flatMap((note) => ["#", ...comment(note)]),
  ];
}

/** `# ---- Title ---...` */
export function section(title: string): string[] {
  return ["", "", `# ---- ${title} ${"-".repeat(Math.max(4, 90 - title.length))}`];
}

export function seedLine(spec: ExperimentSpec): string[] {
  const measured = measurementOf(spec).shots;
  const shots = measured === "exact" ? "None  # exact expectation values" : String(measured);
  return [`SEED = ${spec.seed}`, `SHOTS = ${shots}`];
}

/** The data literals, as Ketbook's loader, split and scaler made them. */
export function dataSection(data: PreparedData, spec: TrainSpec["data"]): string[] {
  const { summary } = data;
  const width = summary.features.length;
  const scaled = spec.scale
    ? `features scaled to [${spec.scale.map(pyNumber).join(", ")}] by a min-max scaler fitted on the training points only (test points may fall outside)`
    : "features unscaled";
  return [
    ...section("Data"),
    ...comment(
      `${summary.title} (Ketbook data set "${summary.id}"). Licence: ${summary.licence} ` +
        `Provenance: ${summary.provenance}`,
    ),
    ...comment(
      `Embedded exactly as Ketbook's runner prepares it (lib/qml/data: loadDataset, ` +
        `splitDataset, fitMinMax): ${summary.train} training and ${summary.test} test points, ` +
        `split with seed ${spec.seed} (test fraction ${spec.test}, stratified by class); ` +
        `features (${summary.features.join(", ")}) in the circuit's feature order; ${scaled}. ` +
        "Labels are ±1 (class 1 → +1, class 0 → −1); a model output f ≥ 0 predicts +1.",
    ),
    `X_TRAIN = ${rowsLiteral(data.train.features, width)}`,
    `Y_TRAIN = np.array(${pyList(data.train.labels.map(signed), "", 20)})`,
    `X_TEST = ${rowsLiteral(data.test.features, width)}`,
    `Y_TEST = np.array(${pyList(data.test.labels.map(signed), "", 19)})`,
  ];
}

function rowsLiteral(rows: readonly (readonly number[])[], width: number): string {
  return rows.length === 0 ? `np.zeros((0, ${width}))` : pyArray(rows);
}

const signed = (label: number) => (label > 0 ? "1" : "-1");

/**
 * Terms as (coefficient, label) for Qiskit, or (coefficient, label, operator) for PennyLane,
 * one per line at `indent`.
 */
export function termsLiteral(
  terms: readonly LabelledTerm[],
  library: ScriptLibrary,
  indent: string,
): string[] {
  return [
    "[",
    ...terms.map(({ coefficient, pauli }) =>
      library === "pennylane"
        ? `${indent}    (${pyNumber(coefficient)}, ${pyString(pauli)}, ${pennylaneOperator(pauli)}),`
        : `${indent}    (${pyNumber(coefficient)}, ${pyString(pauli)}),`,
    ),
    `${indent}]`,
  ];
}

export const BIT_ORDER_NOTE: Record<ScriptLibrary, string> = {
  pennylane:
    "Pauli labels are in Qiskit's order, as Ketbook writes them: the rightmost letter acts on " +
    "qubit 0. The circuit puts Ketbook's qubit i on wire i, so letter k counted from the right " +
    'becomes an operator on wire k: "XZ" is qml.X(1) @ qml.Z(0).',
  "qiskit-ml":
    "Pauli labels are in Qiskit's order, which is Ketbook's: the rightmost letter acts on " +
    "qubit 0, and the circuit keeps Ketbook's qubit numbering, so they are used as they are.",
};

/** How the runner describes a target, and its exact answer, as comments. */
export function describeTarget(target: TargetPlan, sweep = false): string[] {
  const lines = target.describe.flatMap((line) => comment(line));
  if (!sweep) return lines;
  return [
    ...comment(
      "A dissociation curve: the Hamiltonian and its exact energy at each bond length below " +
        "come from Ketbook's own first-principles computation. The first point:",
    ),
    ...lines,
  ];
}

/** `def accuracy` and the runner's loss with its derivative (NumPy, vectorised). */
export function metricHelpers(): string[] {
  return [
    "def accuracy(labels, predictions):",
    '    """Fraction of points whose predicted class (+1 for f >= 0, else -1) is the label."""',
    "    if len(labels) == 0:",
    '        return float("nan")',
    "    return float(np.mean(np.where(np.asarray(predictions) >= 0, 1, -1) == labels))",
  ];
}

/** Ketbook's losses on NumPy arrays: value and derivative by the output f. */
export function numpyLoss(loss: TrainSpec["loss"]): string[] {
  switch (loss) {
    case "square":
      return [
        "def loss(y, f):",
        '    """Square loss (y - f)^2."""',
        "    return (y - f) ** 2",
        "",
        "",
        "def loss_derivative(y, f):",
        "    return -2 * (y - f)",
      ];
    case "hinge":
      return [
        "def loss(y, f):",
        '    """Hinge loss max(0, 1 - y f); its derivative is 0 at the kink."""',
        "    return np.maximum(0, 1 - y * f)",
        "",
        "",
        "def loss_derivative(y, f):",
        "    return np.where(y * f < 1, -y, 0.0)",
      ];
    case "cross-entropy":
      return [
        "CLIP = 1e-7  # p = (1 + f)/2 is clipped to [CLIP, 1 - CLIP]",
        "",
        "",
        "def loss(y, f):",
        '    """Binary cross-entropy of p = (1 + f)/2 read as P(y = +1)."""',
        "    p = np.clip((1 + f) / 2, CLIP, 1 - CLIP)",
        "    return np.where(y > 0, -np.log(p), -np.log(1 - p))",
        "",
        "",
        "def loss_derivative(y, f):",
        "    # The unclipped loss's slope at the clipped p, so a confident mistake is still pushed back.",
        "    p = np.clip((1 + f) / 2, CLIP, 1 - CLIP)",
        "    return np.where(y > 0, -1 / (2 * p), 1 / (2 * (1 - p)))",
      ];
  }
}

/**
 * Ketbook's optimisers as small classes with `step_and_cost(cost, x) -> (new x, value)`, where
 * `value` is what Ketbook records for the step. They read the cost through `value_of(cost, x)`
 * and `value_and_gradient(cost, x)`, which each script defines for its library.
 */
export function optimizerClass(optimizer: OptimizerSpec): string[] {
  switch (optimizer.kind) {
    case "gd":
      return [
        "class GradientDescent:",
        '    """x <- x - eta * g."""',
        "",
        "    def __init__(self, stepsize):",
        "        self.stepsize = stepsize",
        "",
        "    def step_and_cost(self, cost, x):",
        "        value, g = value_and_gradient(cost, x)",
        "        return x - self.stepsize * g, value",
      ];
    case "momentum":
    case "nesterov":
      return [
        "class Momentum:",
        '    """Velocity v <- mu*v + g, then x <- x - eta*v (heavy ball) or x <- x - eta*(g + mu*v)',
        "    (Nesterov, written for the look-ahead point: the iterate held, and the point the loss is",
        "    evaluated at, is the look-ahead point itself, as in PyTorch's SGD(nesterov=True)).",
        '    """',
        "",
        "    def __init__(self, stepsize, momentum, nesterov):",
        "        self.stepsize = stepsize",
        "        self.momentum = momentum",
        "        self.nesterov = nesterov",
        "        self.velocity = None",
        "",
        "    def step_and_cost(self, cost, x):",
        "        value, g = value_and_gradient(cost, x)",
        "        v = g if self.velocity is None else self.momentum * self.velocity + g",
        "        self.velocity = v",
        "        step = g + self.momentum * v if self.nesterov else v",
        "        return x - self.stepsize * step, value",
      ];
    case "adam":
      return [
        "class Adam:",
        '    """Adam (Kingma & Ba 2015, Algorithm 1): x <- x - eta * m_hat / (sqrt(v_hat) + eps)."""',
        "",
        "    def __init__(self, stepsize, beta1, beta2, eps=1e-8):",
        "        self.stepsize = stepsize",
        "        self.beta1 = beta1",
        "        self.beta2 = beta2",
        "        self.eps = eps",
        "        self.m = None",
        "        self.v = None",
        "        self.t = 0",
        "",
        "    def step_and_cost(self, cost, x):",
        "        value, g = value_and_gradient(cost, x)",
        "        if self.m is None:",
        "            self.m = np.zeros(len(g))",
        "            self.v = np.zeros(len(g))",
        "        self.t += 1",
        "        self.m = self.beta1 * self.m + (1 - self.beta1) * g",
        "        self.v = self.beta2 * self.v + (1 - self.beta2) * g * g",
        "        m_hat = self.m / (1 - self.beta1**self.t)",
        "        v_hat = self.v / (1 - self.beta2**self.t)",
        "        return x - self.stepsize * m_hat / (np.sqrt(v_hat) + self.eps), value",
      ];
    case "spsa":
      return [
        "class SPSA:",
        '    """SPSA (Spall 1998 gains): a_k = a/(k+1+A)^alpha, c_k = c/(k+1)^gamma,',
        "    g_hat = (f(x + c_k D) - f(x - c_k D)) / (2 c_k) * D, x <- x - a_k g_hat. The signs D of",
        "    step k are row k of PERTURBATIONS (Ketbook's seeded draws), so the run repeats Ketbook's.",
        '    """',
        "",
        "    def __init__(self, a, c, perturbations, alpha=0.602, gamma=0.101, A=0.0):",
        "        self.a, self.c, self.alpha, self.gamma, self.A = a, c, alpha, gamma, A",
        "        self.perturbations = perturbations",
        "        self.k = 0",
        "",
        "    def step_and_cost(self, cost, x):",
        "        ak = self.a / (self.k + 1 + self.A) ** self.alpha",
        "        ck = self.c / (self.k + 1) ** self.gamma",
        "        delta = self.perturbations[self.k]",
        "        self.k += 1",
        "        plus = value_of(cost, x + ck * delta)",
        "        minus = value_of(cost, x - ck * delta)",
        "        estimate = (plus - minus) / (2 * ck) * delta",
        "        return x - ak * estimate, (plus + minus) / 2",
      ];
    case "nelder-mead":
      return [
        "def nelder_mead(cost, x0, initial_step, steps):",
        '    """SciPy\'s Nelder–Mead as Ketbook runs it: the initial simplex x0 + initial_step * e_i,',
        "    Gao & Han's adaptive coefficients (n >= 2), one iteration per step, and Ketbook's stopping",
        "    test (vertices and values within 1e-8 of the best). Returns the best point, and the best",
        '    value and point after each iteration."""',
        "    x0 = np.asarray(x0, dtype=float)",
        "    n = len(x0)",
        "    simplex = np.array([x0] + [x0 + initial_step * np.eye(n)[i] for i in range(n)])",
        "    values = []",
        "    points = []",
        "",
        "    def record(intermediate_result):",
        "        values.append(float(intermediate_result.fun))",
        "        points.append(np.array(intermediate_result.x, dtype=float))",
        "",
        "    result = minimize(",
        "        lambda x: value_of(cost, x),",
        "        x0,",
        '        method="Nelder-Mead",',
        "        callback=record,",
        "        options={",
        '            "initial_simplex": simplex,',
        '            "maxiter": steps,',
        '            "xatol": 1e-8,',
        '            "fatol": 1e-8,',
        '            "adaptive": n >= 2,',
        "        },",
        "    )",
        "    return result.x, values, points",
      ];
  }
}

/** `PERTURBATIONS = [...]`: one string of signs per step ("+-+": +1, -1, +1). */
export function perturbationsLiteral(perturbations: readonly (readonly number[])[]): string[] {
  return [
    ...comment(
      "SPSA's random directions, drawn by Ketbook's seeded generator (one row per step, one sign " +
        "per parameter), so that the perturbations are the ones Ketbook used.",
    ),
    "PERTURBATIONS = [",
    ...perturbations.map(
      (row) => `    np.array([${row.map((s) => (s > 0 ? "1.0" : "-1.0")).join(", ")}]),`,
    ),
    "]",
  ];
}

/** A Python expression constructing a hand-written optimiser for `optimizer`. */
export function optimizerConstructor(optimizer: OptimizerSpec): string {
  switch (optimizer.kind) {
    case "gd":
      return `GradientDescent(stepsize=${pyNumber(optimizer.stepSize)})`;
    case "momentum":
    case "nesterov":
      return `Momentum(stepsize=${pyNumber(optimizer.stepSize)}, momentum=${pyNumber(optimizer.momentum)}, nesterov=${optimizer.kind === "nesterov" ? "True" : "False"})`;
    case "adam":
      return `Adam(stepsize=${pyNumber(optimizer.stepSize)}, beta1=${pyNumber(optimizer.beta1)}, beta2=${pyNumber(optimizer.beta2)})`;
    case "spsa":
      return `SPSA(a=${pyNumber(optimizer.a)}, c=${pyNumber(optimizer.c)}, perturbations=PERTURBATIONS)`;
    case "nelder-mead":
      throw new Error("Nelder–Mead runs through nelder_mead(), not a step object");
  }
}

/** A numbers list literal for θ₀ with a comment saying where it comes from. */
export function initialLiteral(
  name: string,
  values: readonly number[],
  init: { seed: number; scale: number; value?: number },
  spec: ExperimentSpec,
  bias = false,
): string[] {
  const how =
    init.value !== undefined
      ? `every weight ${pyNumber(init.value)}`
      : `uniform in [-${pyNumber(init.scale)}, ${pyNumber(init.scale)}] from its seeded generator, init seed ${init.seed} and experiment seed ${spec.seed}`;
  const prefix = `${name} = np.array(`;
  return [
    ...comment(
      `Initial weights exactly as Ketbook's runner draws them: ${how}${bias ? "; then the bias, starting at 0" : ""}.`,
    ),
    `${prefix}${pyNumbers(values, "", prefix.length + 1)})`,
  ];
}

/** A list of index lists, one per line. */
export function batchesLiteral(batches: readonly (readonly number[])[] | undefined): string[] {
  if (!batches) return ["BATCHES = None  # every step uses all training points"];
  return [
    ...comment(
      "The training rows of each step's minibatch, in Ketbook's seeded order (a shuffle of all " +
        "rows consumed in turn, reshuffled when it runs short).",
    ),
    "BATCHES = [",
    ...batches.map((batch) => `    ${pyList(batch.map(String), "    ")},`),
    "]",
  ];
}

/** Nelder–Mead's initial simplex size (the spec's default filled in). */
export function initialStepOf(optimizer: OptimizerSpec): number {
  if (optimizer.kind !== "nelder-mead") throw new Error("only Nelder–Mead has an initial step");
  return optimizer.initialStep;
}
