/** A content file that does not follow the format; `file:line` is where an author should look. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, message: string, options?: ErrorOptions) {
    super(`${file}:${line}: ${message}`, options);
    this.name = "ContentError";
    this.file = file;
    this.line = line;
  }
}
