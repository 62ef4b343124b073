import type { SkillStatus } from "@/lib/roadmap/types";

export const STATUS_LABELS: Record<SkillStatus, string> = {
  "not-assessed": "Not assessed here",
  "not-started": "Not started",
  "in-progress": "In progress",
  mastered: "Mastered",
};

export const STATUSES: readonly SkillStatus[] = [
  "not-assessed",
  "not-started",
  "in-progress",
  "mastered",
];

/**
 * A node's status line on the skill graph: the status, and the level earned once there is one
 * ("In progress, level 2"). Every line fits a node box (tests/unit/roadmap/layout.test.ts).
 */
export function nodeStatusLine(status: SkillStatus, level: number): string {
  return status === "in-progress" || status === "mastered"
    ? `${STATUS_LABELS[status]}, level ${level}`
    : STATUS_LABELS[status];
}
