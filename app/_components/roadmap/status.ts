import type { SkillStatus } from "@/lib/roadmap/types";

export const STATUS_LABELS: Record<SkillStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  mastered: "Mastered",
};

export const STATUSES: readonly SkillStatus[] = ["not-started", "in-progress", "mastered"];
