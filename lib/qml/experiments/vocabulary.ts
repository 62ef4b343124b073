/**
 * What the spec editor offers: every field of each kind of experiment, with a one-line doc and
 * its allowed words. A test checks this table against the zod schemas in spec.ts, so completion
 * and validation cannot drift apart.
 */
export type ExperimentKindName = "train" | "kernel" | "scan" | "minimise" | "plateau";

const KINDS: readonly ExperimentKindName[] = ["train", "kernel", "scan", "minimise", "plateau"];

export interface SpecField {
  readonly doc: string;
  /** Allowed words (enums); completion offers them after `field: `. */
  readonly values?: readonly string[];
  /** Sub-fields of an object field, offered on the indented lines below it. */
  readonly fields?: Readonly<Record<string, SpecField>>;
}

const DATASETS = ["parity", "iris", "moons", "circles", "blobs", "ad-hoc"];
const OPTIMIZERS = ["gd", "momentum", "nesterov", "adam", "spsa", "nelder-mead"];

const data: SpecField = {
  doc: "The bundled data set and its seeded train/test split.",
  fields: {
    set: { doc: "Which data set.", values: DATASETS },
    test: { doc: "Fraction held out for testing (0.05 to 0.9; default 0.25)." },
    seed: { doc: "Seed of the split (and of generated data)." },
    scale: { doc: "Scale features to [lo, hi], fitted on the training part, e.g. [0, 3.14159]." },
    samples: { doc: "How many points to generate (moons, circles, blobs, ad-hoc)." },
    bits: { doc: "Bits of the parity data set (2 to 6)." },
    noise: { doc: "Noise of generated data sets." },
    classes: { doc: "Two class names to keep (iris), e.g. [versicolor, virginica]." },
    featureSubset: { doc: "Indices of the features to keep, e.g. [2, 3]." },
  },
};

const optimizer: SpecField = {
  doc: "How the weights are updated each step.",
  fields: {
    kind: { doc: "The optimiser.", values: OPTIMIZERS },
    stepSize: { doc: "Learning rate (gd, momentum, nesterov, adam)." },
    momentum: { doc: "Momentum (momentum, nesterov; default 0.9)." },
    beta1: { doc: "Adam's first-moment decay (default 0.9)." },
    beta2: { doc: "Adam's second-moment decay (default 0.999)." },
    a: { doc: "SPSA's step-size numerator (default 0.2)." },
    c: { doc: "SPSA's perturbation size (default 0.1)." },
    initialStep: { doc: "Nelder–Mead's initial simplex size (default 0.5)." },
  },
};

const init: SpecField = {
  doc: "Seeded initial weights.",
  fields: {
    seed: { doc: "Seed of the initial weights." },
    scale: { doc: "Weights start uniform in [-scale, scale] (default 0.1)." },
    value: { doc: "Or: every weight starts at this value." },
  },
};

const noise: SpecField = {
  doc: "A noise model applied to every gate, and readout error.",
  fields: {
    depolarizing: { doc: "Depolarizing probability after each gate." },
    amplitudeDamping: { doc: "Amplitude damping γ after each gate." },
    phaseDamping: { doc: "Phase damping λ after each gate." },
    readout: { doc: "Probability that a measured bit is flipped." },
  },
};

const common: Record<string, SpecField> = {
  seed: { doc: "Seed of everything random in the experiment (weights, batches, shots)." },
  shots: {
    doc: "`exact`, or a number of shots per expectation value (adds shot noise).",
    values: ["exact"],
  },
  noise,
};

const hamiltonian: SpecField = {
  doc: "A bundled Hamiltonian: { molecule: h2, bondLength: 0.735 }, { maxcut: ring-4 }, { portfolio: four-assets }, { ising: 4, field: 1.0 }.",
};

const experiment: SpecField = { doc: "What the experiment does.", values: KINDS };

const gradient: SpecField = {
  doc: "How gradients are computed.",
  values: ["adjoint", "parameter-shift", "finite-difference"],
};

export const SPEC_FIELDS: Readonly<
  Record<ExperimentKindName, Readonly<Record<string, SpecField>>>
> = {
  train: {
    experiment,
    data,
    features: { doc: "The circuit inputs that receive each feature, e.g. [x0, x1]." },
    weights: { doc: "Prefix of the trainable inputs: `w` trains w0, w1, …" },
    bias: { doc: "Train a classical bias added to the prediction.", values: ["true", "false"] },
    init,
    observable: { doc: "The prediction: a Pauli sum such as Z0 or 0.5*Z0*Z1." },
    loss: { doc: "The training loss.", values: ["square", "hinge", "cross-entropy"] },
    optimizer,
    steps: { doc: "Optimisation steps." },
    batch: { doc: "Minibatch size (default: the whole training set)." },
    gradient,
    baseline: { doc: "Classical baselines on the same split.", values: ["logistic", "rbf-svm"] },
    ...common,
  },
  kernel: {
    experiment,
    data,
    features: { doc: "The feature-map inputs that receive each feature, e.g. [x0, x1]." },
    C: { doc: "The SVM's regularisation constant (default 1)." },
    baseline: { doc: "Classical baselines on the same split.", values: ["logistic", "rbf-svm"] },
    ...common,
  },
  scan: {
    experiment,
    observable: { doc: "A Pauli sum such as 0.5*Z0*Z1 - X0." },
    hamiltonian,
    grid: { doc: "One or two inputs over [from, to, points], e.g. { gamma: [0, 3.14, 40] }." },
    values: { doc: "Fixed values of the other inputs, e.g. { beta: 0.4 }." },
    ...common,
  },
  minimise: {
    experiment,
    observable: { doc: "A Pauli sum to minimise." },
    hamiltonian,
    weights: { doc: "Prefix of the inputs to optimise: `t` varies t0, t1, …" },
    init,
    optimizer,
    steps: { doc: "Optimisation steps." },
    gradient,
    landscape: {
      doc: "One or two of the minimised weights over [from, to, points], e.g. { a0: [0, 3.14, 25], a1: [0, 1.57, 25] }: the cost landscape (other weights at their start values) with the optimiser's path drawn on it.",
    },
    sweep: {
      doc: "Repeat over bond lengths for a dissociation curve.",
      fields: { bondLength: { doc: "[from, to, points] in ångström." } },
    },
    ...common,
  },
  plateau: {
    experiment,
    qubits: {
      doc: "Circuit widths, ascending, e.g. [2, 4, 6, 8]: each run on the circuit's first k qubits (operations touching a higher qubit dropped).",
    },
    parameter: { doc: "The input whose derivative ∂⟨observable⟩/∂parameter is studied, e.g. w0." },
    observable: {
      doc: "`global` (Z on every qubit), `local` (Z0*Z1), or a Pauli sum on the first qubits.",
      values: ["global", "local"],
    },
    samples: { doc: "Random parameter sets per width, uniform in [0, 2π) (default 200)." },
    values: { doc: "Inputs held at a value instead of drawn at random, e.g. { x0: 0.5 }." },
    seed: { doc: "Seed of the random parameter sets." },
  },
};
