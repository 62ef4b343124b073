import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * A content tree (the layout of content/: `roadmap/…`, `courses/<dir>/…`) read through one
 * interface, so one loader and one validator serve the directory on disk, an instructor's course
 * stored in the database and an uploaded zip alike. Paths are POSIX and relative to the root.
 */
export interface ContentFiles {
  /** The file's text, or undefined when there is no such file. */
  read(file: string): Promise<string | undefined>;
  /** The entries directly inside `dir` (names only), sorted; empty when there is no such dir. */
  list(dir: string): Promise<readonly ContentEntry[]>;
}

export interface ContentEntry {
  readonly name: string;
  readonly directory: boolean;
}

/** The tree under a directory on disk. */
export function directoryFiles(root: string): ContentFiles {
  return {
    async read(file) {
      try {
        return await readFile(path.join(root, file), "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async list(dir) {
      try {
        const entries = await readdir(path.join(root, dir), { withFileTypes: true });
        return entries
          .map((e) => ({ name: e.name, directory: e.isDirectory() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
    },
  };
}

/** A tree held in memory: file path → text. Directories are implied by the paths. */
export function memoryFiles(files: ReadonlyMap<string, string>): ContentFiles {
  return {
    async read(file) {
      return files.get(path.posix.normalize(file));
    },
    async list(dir) {
      const prefix = dir === "" || dir === "." ? "" : `${path.posix.normalize(dir)}/`;
      const entries = new Map<string, boolean>();
      for (const file of files.keys()) {
        if (!file.startsWith(prefix)) continue;
        const [name, ...rest] = file.slice(prefix.length).split("/");
        if (name) entries.set(name, (entries.get(name) ?? false) || rest.length > 0);
      }
      return [...entries]
        .map(([name, directory]) => ({ name, directory }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}

/** A root given as a directory path or as a tree. */
export function asContentFiles(root: string | ContentFiles): ContentFiles {
  return typeof root === "string" ? directoryFiles(root) : root;
}
