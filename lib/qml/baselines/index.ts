/** Classical baselines fitted on the same split as the quantum model. */
export { fitLogistic, logisticObjective } from "./logistic";
export type { LogisticFit, LogisticOptions } from "./logistic";
export { fitRbfSvm, gammaScale, rbfGram, rbfKernel } from "./rbf-svm";
export type { RbfSvmFit, RbfSvmOptions } from "./rbf-svm";
export type { BaselineFit, LabelledSet } from "./types";
