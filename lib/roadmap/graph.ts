import type { RoadmapSkill } from "./types";

/**
 * A prerequisite cycle as a path that starts and ends on the same skill, e.g. [a, b, a], or
 * undefined when the graph is acyclic. Depth-first search with three colours; the returned
 * cycle is the first one met in file order, so the error it produces is stable.
 */
export function findPrerequisiteCycle(
  skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[],
): string[] | undefined {
  const byId = new Map(skills.map((s) => [s.id, s]));
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];

  const visit = (id: string): string[] | undefined => {
    const seen = state.get(id);
    if (seen === "done") return undefined;
    if (seen === "visiting") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "visiting");
    stack.push(id);
    for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
      const cycle = visit(prerequisite);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };

  for (const skill of skills) {
    const cycle = visit(skill.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every skill that `ids` depend on, directly or not (the ids themselves excluded). */
export function ancestorsOf(
  skills: readonly Pick<RoadmapSkill, "id" | "prerequisites">[],
  ids: Iterable<string>,
): Set<string> {
  const byId = new Map(skills.map((s) => [s.id, s]));
  const start = new Set(ids);
  const found = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const prerequisite of byId.get(id)?.prerequisites ?? []) {
      if (found.has(prerequisite)) continue;
      found.add(prerequisite);
      queue.push(prerequisite);
    }
  }
  for (const id of start) found.delete(id);
  return found;
}
