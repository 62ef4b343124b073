import type { SkillStatus } from "@/lib/roadmap/types";

/** What the graph and the details panel need about one skill: plain, serialisable props. */
export interface SkillView {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly description: string;
  readonly status: SkillStatus;
  readonly levelName: string;
  /** The level earned, 0 to 3. */
  readonly level: number;
  readonly levels: readonly string[];
  /** Where to get a skill Ketbook does not assess; null when it does. */
  readonly elsewhere: string | null;
  /** The highest level Ketbook's exercises and quizzes can evidence (0: none). */
  readonly maxLevel: number;
  readonly prerequisites: readonly { readonly id: string; readonly name: string }[];
  readonly learn: readonly { readonly title: string; readonly href: string }[];
  readonly evidence: readonly {
    readonly key: string;
    readonly kind: "exercise" | "quiz";
    /** "Passed quiz", "Solved exercise", "Applied practice". */
    readonly typeName: string;
    /** The level this evidence earns. */
    readonly levelName: string;
    readonly title: string;
    readonly href: string | null;
    readonly scorePercent: number;
    readonly date: string;
  }[];
}

export interface GraphNodeView {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The skill's whole name, one entry a drawn line. */
  readonly nameLines: readonly string[];
}

export interface GraphEdgeView {
  readonly from: string;
  readonly to: string;
  /** SVG path data. */
  readonly d: string;
}
