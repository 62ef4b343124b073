/**
 * The part of a quiz the browser may see before submission: prompts, options, ordering items
 * and circuit starters. Built field by field from an allow-list (never by deleting secret fields
 * from a copy), so a field added to the quiz format later stays on the server until someone
 * decides it is public. Answers, explanations, sections and checks never appear.
 *
 * Shuffling is deterministic: the same seed gives the same order (a page reload does not
 * reshuffle), and a retry passes a new seed. Option ids are kept, so answers refer to ids, not
 * positions. Ordering items are always shuffled (the file may list them in the right order),
 * uniformly over every order, the answer's included: excluding any order would make it the one
 * order that never appears across seeds, and so give the answer away to anyone who asks often.
 */
import { createRng } from "@/lib/quantum/sample";
import { assertNever } from "@/lib/quantum/ir";

import type { Question, QuestionType, Quiz } from "./schemas";

export interface PublicOption {
  readonly id: string;
  readonly text: string;
}

export type PublicQuestion =
  | {
      readonly id: string;
      readonly type: Extract<QuestionType, "single" | "multiple">;
      readonly prompt: string;
      readonly options: readonly PublicOption[];
    }
  | {
      readonly id: string;
      readonly type: Extract<QuestionType, "truefalse" | "numeric" | "text">;
      readonly prompt: string;
    }
  | {
      readonly id: string;
      readonly type: "ordering";
      readonly prompt: string;
      readonly items: readonly PublicOption[];
    }
  | {
      readonly id: string;
      readonly type: "circuit";
      readonly prompt: string;
      readonly starter: string;
    };

export interface PublicQuiz {
  readonly id: string;
  readonly passMark: number;
  readonly questions: readonly PublicQuestion[];
}

/** FNV-1a over the parts, for per-question seeds that differ between questions. */
function hash(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join("\u0000")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Fisher–Yates with a seeded generator. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rng = createRng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const publicOptions = (options: readonly PublicOption[]): PublicOption[] =>
  options.map(({ id, text }) => ({ id, text }));

function orderingItems(q: Extract<Question, { type: "ordering" }>, seed: number): PublicOption[] {
  return seededShuffle(publicOptions(q.items), seed);
}

function publicQuestion(q: Question, seed: number | undefined, quizId: string): PublicQuestion {
  const { id, prompt } = q;
  switch (q.type) {
    case "single":
    case "multiple": {
      const options = publicOptions(q.options);
      return {
        id,
        type: q.type,
        prompt,
        options: seed === undefined ? options : seededShuffle(options, hash(seed, id, "options")),
      };
    }
    case "truefalse":
    case "numeric":
    case "text":
      return { id, type: q.type, prompt };
    case "ordering":
      return {
        id,
        type: q.type,
        prompt,
        items: orderingItems(q, hash(seed ?? "unseeded", quizId, id, "items")),
      };
    case "circuit":
      return { id, type: q.type, prompt, starter: q.starter };
    default:
      return assertNever(q, "question");
  }
}

export interface PublicQuizOptions {
  /** Shuffles questions and options when given; a non-negative integer. */
  readonly shuffleSeed?: number;
}

export function publicQuiz(quiz: Quiz, options: PublicQuizOptions = {}): PublicQuiz {
  const seed = options.shuffleSeed;
  if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0)) {
    throw new RangeError(`shuffleSeed must be a non-negative integer, got ${seed}`);
  }
  const questions = quiz.questions.map((q) => publicQuestion(q, seed, quiz.id));
  return {
    id: quiz.id,
    passMark: quiz.passMark,
    questions: seed === undefined ? questions : seededShuffle(questions, hash(seed, quiz.id)),
  };
}
