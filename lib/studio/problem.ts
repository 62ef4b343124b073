/**
 * A located problem in a course tree, as the studio's editor shows it: the course file (a plain
 * file name such as `01-qubits.exercises.yaml`; empty when the problem is the course as a whole,
 * such as too many files), the 1-based line, and what to fix.
 */
import { ContentError } from "@/lib/notebook/content-error";

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * The loaders' ContentError as a Problem of the course in `courses/<dirName>/`: paths in the
 * file and the message become plain course file names (the author sees no content root).
 */
export function problemFromContentError(error: ContentError, dirName: string): Problem {
  const prefix = `courses/${dirName}/`;
  const bare = error.message.startsWith(`${error.file}:${error.line}: `)
    ? error.message.slice(`${error.file}:${error.line}: `.length)
    : error.message;
  return {
    file: error.file.startsWith(prefix) ? error.file.slice(prefix.length) : error.file,
    line: error.line,
    message: bare.replaceAll(prefix, ""),
  };
}
