/**
 * The views shown under a notebook cell after a run. `CellOutput` combines them; each view is
 * also usable on its own (lesson figures, the grader's feedback).
 */
export { BlochSpheres, type BlochSpheresProps } from "./bloch-spheres";
export { CellError, type CellErrorProps } from "./cell-error";
export { CellOutput, type CellOutputProps } from "./cell-output";
export { CircuitDiagram, type CircuitDiagramProps } from "./circuit-diagram";
export { ExpectationList, type ExpectationListProps } from "./expectation-list";
export { Histogram, type HistogramProps } from "./histogram";
export { StateTable, type StateTableProps } from "./state-table";
