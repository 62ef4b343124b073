/**
 * Misconception clusters: a cohort's wrong submissions to one exercise, grouped by what they
 * produce rather than by how they are written. Two circuits that prepare the same wrong state
 * share a misconception however different their code looks, so one piece of feedback reaches the
 * whole group.
 *
 * Grouping works on the graded feedback stored with each attempt, with no simulation: the
 * learner's amplitudes (fidelity |⟨a|b⟩|², ignoring global phase) or probabilities (classical
 * fidelity (Σ √(p q))²) from the comparison table, a compile error's message, the constraint
 * broken, or the value an expectation or gradient check read.
 */
import type { Amplitude, ExerciseFeedback } from "@/lib/grading/feedback";

export interface WrongSubmission {
  readonly id: string;
  readonly userId: string;
  readonly source: string;
  readonly feedback: ExerciseFeedback;
  readonly createdAt: Date;
}

export interface MisconceptionCluster {
  /** What the group shares, in words: "prepares the same state", "does not compile: …". */
  readonly description: string;
  /** Submissions in the group. */
  readonly count: number;
  /** Distinct learners in the group. */
  readonly learners: number;
  /** The shortest submission of the group: the clearest to read. */
  readonly representative: WrongSubmission;
}

/** Outputs at least this close count as the same misconception. */
export const SAME_OUTPUT_FIDELITY = 0.99;

type Signature =
  | { readonly kind: "amplitudes"; readonly vector: ReadonlyMap<string, Amplitude> }
  | { readonly kind: "probabilities"; readonly vector: ReadonlyMap<string, number> }
  | { readonly kind: "label"; readonly label: string };

function signatureOf(feedback: ExerciseFeedback): Signature {
  if (feedback.compileError) {
    return { kind: "label", label: `does not compile: ${feedback.compileError.message}` };
  }
  if (feedback.failedConstraints.length > 0) {
    return { kind: "label", label: `breaks a constraint: ${feedback.failedConstraints[0]}` };
  }
  const comparison = feedback.comparison ?? feedback.counterexample?.outputs;
  if (comparison?.values === "amplitudes") {
    return {
      kind: "amplitudes",
      vector: new Map(comparison.rows.map((r) => [r.basis, r.learner])),
    };
  }
  if (comparison?.values === "probabilities") {
    return {
      kind: "probabilities",
      vector: new Map(comparison.rows.map((r) => [r.basis, r.learner])),
    };
  }
  if (feedback.value !== undefined) {
    return { kind: "label", label: `reads ${feedback.value.toFixed(2)}` };
  }
  return { kind: "label", label: feedback.message };
}

function fidelity(a: Signature, b: Signature): number {
  if (a.kind === "label" || b.kind === "label") {
    return a.kind === "label" && b.kind === "label" && a.label === b.label ? 1 : 0;
  }
  if (a.kind === "amplitudes" && b.kind === "amplitudes") {
    let re = 0;
    let im = 0;
    for (const [basis, [ar, ai]] of a.vector) {
      const other = b.vector.get(basis);
      if (!other) continue;
      const [br, bi] = other;
      // ⟨a|b⟩ = Σ conj(a) b
      re += ar * br + ai * bi;
      im += ar * bi - ai * br;
    }
    return re * re + im * im;
  }
  if (a.kind === "probabilities" && b.kind === "probabilities") {
    let overlap = 0;
    for (const [basis, p] of a.vector) overlap += Math.sqrt(p * (b.vector.get(basis) ?? 0));
    return overlap * overlap;
  }
  return 0;
}

function describe(signature: Signature): string {
  if (signature.kind === "label") return signature.label;
  return signature.kind === "amplitudes"
    ? "prepare the same wrong state"
    : "give the same wrong distribution";
}

/**
 * Groups wrong submissions, largest group first. Each submission joins the first group whose
 * founder it matches (fidelity ≥ SAME_OUTPUT_FIDELITY), else founds a new one; submissions are
 * taken oldest first so the groups do not depend on the order rows arrive in.
 */
export function clusterMisconceptions(
  submissions: readonly WrongSubmission[],
): MisconceptionCluster[] {
  const groups: { founder: Signature; members: WrongSubmission[] }[] = [];
  const ordered = [...submissions].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  for (const submission of ordered) {
    const signature = signatureOf(submission.feedback);
    const home = groups.find((g) => fidelity(g.founder, signature) >= SAME_OUTPUT_FIDELITY);
    if (home) home.members.push(submission);
    else groups.push({ founder: signature, members: [submission] });
  }
  return groups
    .map(({ founder, members }) => ({
      description: describe(founder),
      count: members.length,
      learners: new Set(members.map((m) => m.userId)).size,
      representative: members.reduce((a, b) => (b.source.length < a.source.length ? b : a)),
    }))
    .sort((a, b) => b.count - a.count || b.learners - a.learners);
}
