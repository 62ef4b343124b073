/** The Iris experiment exercise of the neural-networks lesson, as the browser specs drive it. */
export const IRIS_LESSON = "/learn/qml-foundations/quantum-neural-networks";
export const IRIS_EXERCISE_CELL = "#cell-qnn-exercise-iris";

/** The starter's spec as the lesson writes it, with `steps` changed (40 steps pass the check). */
export const irisExerciseSpec = (steps: number) => `experiment: train
data: { set: iris, classes: [versicolor, virginica], featureSubset: [2, 3], test: 0.3, seed: 7, scale: [0, 3.14159] }
features: [x0, x1]
weights: w
bias: true
init: { seed: 1, scale: 0.5 }
observable: Z0
loss: square
optimizer: { kind: adam, stepSize: 0.1 }
steps: ${steps}
batch: 16
gradient: adjoint
seed: 11`;
