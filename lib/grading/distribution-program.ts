/**
 * A program whose measured outcomes follow a given distribution exactly: one RY rotation per
 * node of the binary tree of bit prefixes, controlled (ctrl @ / negctrl @) on the prefix. Used to
 * show that a distribution target is reachable by some circuit, without any expected numbers.
 */
export function programForDistribution(target: Readonly<Record<string, number>>): string {
  const entries = Object.entries(target).map(([k, p]) => [k.replace(/ /g, ""), p] as const);
  const n = entries[0][0].length;
  const mass = (prefix: string) =>
    entries.filter(([k]) => k.startsWith(prefix)).reduce((sum, [, p]) => sum + p, 0);
  const lines: string[] = [];
  // Bitstrings are written q[n-1]…q[0]: the first character is the highest qubit.
  const visit = (prefix: string) => {
    if (prefix.length === n) return;
    const total = mass(prefix);
    if (total <= 0) return;
    const qubit = n - 1 - prefix.length;
    const p1 = Math.min(1, Math.max(0, mass(`${prefix}1`) / total));
    const modifiers = [...prefix].map((bit) => (bit === "1" ? "ctrl @ " : "negctrl @ ")).join("");
    const controls = [...prefix].map((_, i) => `q[${n - 1 - i}], `).join("");
    lines.push(`${modifiers}ry(${2 * Math.asin(Math.sqrt(p1))}) ${controls}q[${qubit}];`);
    visit(`${prefix}0`);
    visit(`${prefix}1`);
  };
  visit("");
  return `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[${n}] q;\nbit[${n}] c;\n${lines.join("\n")}\nc = measure q;\n`;
}
