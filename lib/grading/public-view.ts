import "server-only";

import { hasMath, markdownAsText } from "@/lib/notebook/math-text";
import { renderMarkdown } from "@/lib/notebook/render-markdown";

import { publicQuiz, type PublicQuestion } from "./public-quiz";
import type { Quiz } from "./schemas";

/** A question as the browser receives it: Markdown already rendered, and no answer anywhere. */
export type RenderedQuestion = { id: string; type: PublicQuestion["type"]; promptHtml: string } & (
  | { options: RenderedOption[] }
  | { items: { id: string; html: string }[] }
  | { starter: string }
  | object
);

export interface RenderedQuiz {
  readonly id: string;
  readonly passMark: number;
  readonly seed?: number;
  readonly questions: readonly RenderedQuestion[];
}

/**
 * A choice as the browser shows it. `label` (options with maths only) is the option as one line
 * of text, for the control's name: MathML alone can leave it nameless (see math-text.ts).
 */
export interface RenderedOption {
  id: string;
  html: string;
  label?: string;
}

function renderOption(option: { id: string; text: string }): RenderedOption {
  const html = inlineHtml(option.text);
  return hasMath(option.text)
    ? { id: option.id, html, label: markdownAsText(option.text) }
    : { id: option.id, html };
}

/** Renders Markdown without a wrapping paragraph, for option labels. */
function inlineHtml(markdown: string): string {
  return renderMarkdown(markdown).replace(/^<p>([\s\S]*)<\/p>\s*$/, "$1");
}

/**
 * A question's prompt as a title (the review page's card headings): its first paragraph as
 * inline HTML (null when it opens with something else, such as code), and whether that is the
 * whole prompt (then the card need not repeat it).
 */
export function promptTitle(prompt: string): { html: string | null; wholePrompt: boolean } {
  const paragraphs = prompt.trim().split(/\n\s*\n/);
  const first = paragraphs[0];
  const html = renderMarkdown(first);
  const single = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>\s*$/.exec(html);
  // A prompt that opens with a code block or a list has no sentence to title it by.
  if (!single) return { html: null, wholePrompt: false };
  return { html: single[1], wholePrompt: paragraphs.length === 1 };
}

export function renderQuestion(question: PublicQuestion): RenderedQuestion {
  const base = {
    id: question.id,
    type: question.type,
    promptHtml: renderMarkdown(question.prompt),
  };
  switch (question.type) {
    case "single":
    case "multiple":
      return {
        ...base,
        options: question.options.map(renderOption),
      };
    case "ordering":
      return {
        ...base,
        items: question.items.map((o) => ({ id: o.id, html: inlineHtml(o.text) })),
      };
    case "circuit":
      return { ...base, starter: question.starter };
    default:
      return base;
  }
}

/** The quiz for the page: questions (and options) shuffled when a seed is given, for retries. */
export function renderPublicQuiz(quiz: Quiz, seed?: number): RenderedQuiz {
  const view = publicQuiz(quiz, { shuffleSeed: seed });
  return {
    id: view.id,
    passMark: view.passMark,
    seed,
    questions: view.questions.map(renderQuestion),
  };
}
