/** The classical baselines an experiment names, fitted on its own split. */
import { fitLogistic, fitRbfSvm } from "../baselines";
import type { PreparedData } from "./data";
import type { BaselineResult } from "./result";

export function runBaselines(
  names: readonly ("logistic" | "rbf-svm")[],
  data: PreparedData,
): BaselineResult[] {
  return names.map((name) => {
    const fit =
      name === "logistic" ? fitLogistic(data.train, data.test) : fitRbfSvm(data.train, data.test);
    return {
      name: name === "logistic" ? "logistic regression" : "RBF-kernel SVM",
      trainAccuracy: fit.trainAccuracy,
      testAccuracy: fit.testAccuracy,
    };
  });
}
