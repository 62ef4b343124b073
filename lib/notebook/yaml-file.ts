import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";

import { ContentError } from "./content-error";
import { describeZodIssue } from "./schemas";

/**
 * Parses YAML text and validates it against a zod schema. Errors — bad YAML or a value that
 * breaks the schema — become ContentErrors pointing at the line of the offending node, shifted
 * by `firstLine - 1` when the YAML sits inside another file (front matter).
 */
export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  firstLine = 1,
): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new ContentError(file, lineAt(yamlError.pos[0]), `invalid YAML: ${yamlError.message}`);
  }

  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const path = issue.path as (string | number)[];
  throw new ContentError(file, nodeLine(doc, path, lineAt) ?? firstLine, describeZodIssue(issue));
}

/** Line of the value at `path` in YAML text (e.g. ["skills", 2]), for errors found after parsing. */
export function lineOfPath(text: string, path: (string | number)[], firstLine = 1): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (
    nodeLine(doc, path, (offset) => lineCounter.linePos(offset).line + firstLine - 1) ?? firstLine
  );
}

/** The deepest node that exists on `path` (a missing key points at its parent). */
function nodeLine(
  doc: Document,
  path: (string | number)[],
  lineAt: (offset: number) => number,
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}
