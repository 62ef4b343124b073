/**
 * Bundled data for the experiment cells: the classification data sets (this registry), the
 * Hamiltonians (molecules, Ising chains), MaxCut graphs and portfolios. Pure TypeScript with JSON
 * imports; nothing is fetched at run time. Licences and provenance: README.md beside this file.
 */
import { adHoc, AD_HOC_INFO } from "./ad-hoc";
import { irisData, IRIS_INFO, parity, PARITY_INFO } from "./classic";
import { selectClasses, selectFeatures } from "./select";
import { blobs, BLOBS_INFO, circles, CIRCLES_INFO, moons, MOONS_INFO } from "./synthetic";
import { DatasetError, type Dataset, type DatasetInfo, type DatasetOptions } from "./types";

export * from "./types";
export * from "./split";
export { adHocModel, adHocState, type AdHocModel } from "./ad-hoc";

const REGISTRY: readonly { info: DatasetInfo; make: (o: DatasetOptions) => Dataset }[] = [
  { info: PARITY_INFO, make: parity },
  { info: IRIS_INFO, make: () => irisData() },
  { info: MOONS_INFO, make: moons },
  { info: CIRCLES_INFO, make: circles },
  { info: BLOBS_INFO, make: blobs },
  { info: AD_HOC_INFO, make: adHoc },
];

export function listDatasets(): DatasetInfo[] {
  return REGISTRY.map((r) => r.info);
}

/**
 * Loads a data set by id. Options a data set does not read are an error, not silently ignored;
 * `classes` applies to every set and `features` after it.
 */
export function loadDataset(id: string, options: DatasetOptions = {}): Dataset {
  const entry = REGISTRY.find((r) => r.info.id === id);
  if (!entry) {
    throw new DatasetError(
      "unknown-dataset",
      `no data set "${id}" (available: ${REGISTRY.map((r) => r.info.id).join(", ")})`,
    );
  }
  for (const key of Object.keys(options) as (keyof DatasetOptions)[]) {
    if (options[key] === undefined) continue;
    if (key !== "classes" && !entry.info.options.includes(key)) {
      throw new DatasetError(
        "bad-option",
        `${id} does not take the option "${key}" (it takes: ${[...entry.info.options, "classes"].join(", ")})`,
      );
    }
  }
  let data = entry.make(options);
  if (options.classes) data = selectClasses(data, options.classes);
  if (options.features) data = selectFeatures(data, options.features);
  return data;
}

export * from "./pauli";
export * from "./ising";
export * from "./maxcut";
export * from "./portfolio";
export {
  ANGSTROM_PER_BOHR,
  electronicStructure,
  MOLECULES,
  moleculeHamiltonian,
  type Mapping,
  type MolecularHamiltonian,
  type MoleculeId,
} from "./chemistry/molecules";
