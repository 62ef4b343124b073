/**
 * Completion for the experiment spec editor, as a pure function of the text and the cursor, so
 * it is tested without a browser. It understands the spec's shape, not all of YAML: top-level
 * keys of the chosen kind, sub-fields on indented lines or inside `{ … }`, and allowed words
 * after `field: `.
 */
import { SPEC_FIELDS, type ExperimentKindName, type SpecField } from "./vocabulary";

export interface SpecCompletion {
  readonly label: string;
  readonly insertText: string;
  readonly detail: string;
  readonly kind: "field" | "value";
}

function kindOf(text: string): ExperimentKindName {
  const match = /^experiment:\s*([a-z]+)/m.exec(text);
  const kind = match?.[1];
  return kind && kind in SPEC_FIELDS ? (kind as ExperimentKindName) : "train";
}

const fieldItem = ([name, field]: [string, SpecField]): SpecCompletion => ({
  label: name,
  insertText: field.fields ? `${name}:` : `${name}: `,
  detail: field.doc,
  kind: "field",
});

const valueItems = (field: SpecField | undefined): SpecCompletion[] =>
  (field?.values ?? []).map((value) => ({
    label: value,
    insertText: value,
    detail: field!.doc,
    kind: "value",
  }));

/** Suggestions at `line` (1-based) and `column` (1-based, the cursor is before that column). */
export function specCompletions(text: string, line: number, column: number): SpecCompletion[] {
  const lines = text.split("\n");
  if (lines.slice(0, line - 1).some((l) => /^---\s*$/.test(l))) return []; // in the circuit
  const fields = SPEC_FIELDS[kindOf(text)];
  const current = lines[line - 1] ?? "";
  const before = current.slice(0, column - 1);

  // Inside a flow mapping on this line: `optimizer: { kind: ` or `data: { se`
  const flow = /^\s*([A-Za-z_]\w*):\s*\{([^}]*)$/.exec(before);
  if (flow) {
    const parent = fields[flow[1]];
    const inner = flow[2];
    const valueOf = /([A-Za-z_]\w*):\s*[\w.-]*$/.exec(inner);
    if (valueOf) return valueItems(parent?.fields?.[valueOf[1]]);
    const used = new Set([...inner.matchAll(/([A-Za-z_]\w*):/g)].map((m) => m[1]));
    return Object.entries(parent?.fields ?? {})
      .filter(([name]) => !used.has(name))
      .map(fieldItem);
  }

  const indent = /^\s*/.exec(current)![0].length;
  const parentFields = (): Readonly<Record<string, SpecField>> | undefined => {
    if (indent === 0) return fields;
    for (let i = line - 2; i >= 0; i--) {
      const match = /^(\s*)([A-Za-z_]\w*):\s*$/.exec(lines[i]);
      if (match && match[1].length < indent) return fields[match[2]]?.fields;
      if (lines[i].trim() && /^\S/.test(lines[i])) return undefined;
    }
    return undefined;
  };
  const scope = parentFields();

  // After `field: ` on this line: its allowed words.
  const valueOf = /^\s*([A-Za-z_]\w*):\s+[\w.-]*$/.exec(before);
  if (valueOf) return valueItems(scope?.[valueOf[1]]);

  // At the start of a line: the fields not written yet at this level.
  if (/^\s*[A-Za-z_]*$/.test(before)) {
    const siblings = new Set<string>();
    for (const other of lines) {
      const match = /^(\s*)([A-Za-z_]\w*):/.exec(other);
      if (match && match[1].length === indent) siblings.add(match[2]);
    }
    return Object.entries(scope ?? {})
      .filter(([name]) => !siblings.has(name) || name === before.trim())
      .map(fieldItem);
  }
  return [];
}
