import path from "node:path";

import { ContentError } from "@/lib/notebook/content-error";

/** A located problem in a course's files, as the editor shows it (file = a course file name). */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** A ContentError (path under the content root, "file:line: " in its message) as a Problem. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ContentError) {
    const prefix = `${error.file}:${error.line}: `;
    return {
      file: path.posix.basename(error.file),
      line: error.line,
      message: error.message.startsWith(prefix)
        ? error.message.slice(prefix.length)
        : error.message,
    };
  }
  throw error;
}
