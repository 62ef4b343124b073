import path from "node:path";

import type { buildEvidenceCatalogue } from "@/lib/roadmap/evidence-catalogue";
import type { loadRoadmap } from "@/lib/roadmap/load";
import { loadRoadmapWithEvidence } from "@/lib/roadmap/load-evidence";

/** The shipped content's roadmap and its evidence catalogue. */
export async function loadRealEvidence() {
  return loadRoadmapWithEvidence(path.join(process.cwd(), "content"));
}

/** One stored evidence row, as the grading service and the progress routes write them. */
export interface StoredEvidenceRow {
  readonly skillId: string;
  readonly kind: "lesson" | "exercise" | "quiz";
  readonly ref: string;
  readonly score: number;
}

/**
 * What a learner who completed everything the shipped content offers has stored: every exercise
 * solved and every quiz passed with full marks (one row per skill each declares, as the grading
 * service writes them), and every lesson read (one row per skill of its front matter, as the
 * progress route writes them), so tags a lesson merely mentions are in the rows too.
 */
export function everythingCompleted(
  roadmap: Awaited<ReturnType<typeof loadRoadmap>>,
  sources: ReturnType<typeof buildEvidenceCatalogue>,
): StoredEvidenceRow[] {
  const rows: StoredEvidenceRow[] = [];
  for (const source of sources.values()) {
    for (const skillId of source.skills) {
      rows.push({ skillId, kind: source.kind, ref: source.ref, score: 1 });
    }
  }
  for (const lesson of roadmap.lessons) {
    for (const skillId of lesson.skills) {
      rows.push({ skillId, kind: "lesson", ref: `${lesson.courseId}/${lesson.id}`, score: 1 });
    }
  }
  return rows;
}
