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
