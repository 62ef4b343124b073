import { ContentError } from "@/lib/notebook/content-error";

import { EVIDENCE_OF_CHECK } from "./evidence-rules";
import type { CheckKind } from "@/lib/grading/schemas";
import type { EvidenceSource, RoadmapSkill } from "./types";
import { SKILLS_FILE } from "./validate";

/** What the catalogue needs of one lesson's checks (lib/grading's LessonChecks fits). */
export interface LessonEvidenceInput {
  readonly courseId: string;
  readonly lessonId: string;
  readonly lessonTitle: string;
  /** The lesson page, `/learn/<course>/<slug>`. */
  readonly href: string;
  readonly exercises: readonly {
    readonly cell: string;
    readonly title: string;
    readonly skills: readonly string[];
    readonly check: { readonly kind: CheckKind };
  }[];
  readonly quiz?: { readonly id: string; readonly skills: readonly string[] };
}

/** "Quiz: Bits, qubits and the Bloch sphere" — what people read for a quiz. */
export const quizTitle = (lessonTitle: string) => `Quiz: ${lessonTitle}`;

/**
 * Every exercise and quiz of the content by ref (`course/cellId`, `course/quizId`), with the
 * kind of evidence it gives and the skills its own file declares.
 */
export function buildEvidenceCatalogue(
  lessons: readonly LessonEvidenceInput[],
): Map<string, EvidenceSource> {
  const catalogue = new Map<string, EvidenceSource>();
  for (const lesson of lessons) {
    const { courseId, lessonId, lessonTitle, href } = lesson;
    for (const exercise of lesson.exercises) {
      const ref = `${courseId}/${exercise.cell}`;
      catalogue.set(ref, {
        ref,
        kind: "exercise",
        type: EVIDENCE_OF_CHECK[exercise.check.kind],
        title: exercise.title,
        courseId,
        lessonId,
        lessonTitle,
        href: `${href}#cell-${exercise.cell}`,
        skills: exercise.skills,
      });
    }
    if (lesson.quiz) {
      const ref = `${courseId}/${lesson.quiz.id}`;
      catalogue.set(ref, {
        ref,
        kind: "quiz",
        type: "quiz",
        title: quizTitle(lessonTitle),
        courseId,
        lessonId,
        lessonTitle,
        href,
        skills: lesson.quiz.skills,
      });
    }
  }
  return catalogue;
}

/**
 * Every skill is either evidenced by some exercise or quiz, or marked `elsewhere` (not assessed
 * here): a skill that is neither would sit on the roadmap with no way to earn it and no word on
 * where to get it. Throws a ContentError at the skill's line in skills.yaml.
 */
export function checkEvidenceCoverage(
  skills: readonly Pick<RoadmapSkill, "id" | "elsewhere">[],
  catalogue: ReadonlyMap<string, Pick<EvidenceSource, "skills">>,
  skillLines: ReadonlyMap<string, number>,
): void {
  const evidenced = new Set([...catalogue.values()].flatMap((s) => s.skills));
  for (const skill of skills) {
    if (skill.elsewhere === undefined && !evidenced.has(skill.id)) {
      throw new ContentError(
        SKILLS_FILE,
        skillLines.get(skill.id) ?? 1,
        `no exercise or quiz evidences skill "${skill.id}": name it in one's \`skills:\`, or say where to get it with \`elsewhere:\``,
      );
    }
  }
}
