"use client";

import type { Answer, RenderedQuestion } from "./types";

interface Props {
  question: RenderedQuestion;
  number: number;
  value: Answer | undefined;
  onChange(value: Answer): void;
  disabled?: boolean;
  /**
   * The id of a heading that names the question (the review page titles each card by its
   * prompt): it replaces the "Question n" legend. With `promptInTitle`, the heading already
   * holds the whole prompt, so it is not repeated.
   */
  labelledBy?: string;
  promptInTitle?: boolean;
}

/** One question as an accessible form control group: fieldset, legend, labelled inputs. */
export function QuestionField({
  question,
  number,
  value,
  onChange,
  disabled,
  labelledBy,
  promptInTitle,
}: Props) {
  const promptId = `q-${question.id}-prompt`;
  const showPrompt = !(labelledBy && promptInTitle);
  return (
    <fieldset
      className="question"
      disabled={disabled}
      aria-labelledby={labelledBy}
      aria-describedby={showPrompt ? promptId : undefined}
    >
      {labelledBy ? null : <legend>Question {number}</legend>}
      {showPrompt ? (
        <div
          id={promptId}
          className="question__prompt prose"
          dangerouslySetInnerHTML={{ __html: question.promptHtml }}
        />
      ) : null}
      <Control question={question} value={value} onChange={onChange} />
    </fieldset>
  );
}

function Control({ question, value, onChange }: Pick<Props, "question" | "value" | "onChange">) {
  const name = `q-${question.id}`;
  if ("options" in question && (question.type === "single" || question.type === "multiple")) {
    const multiple = question.type === "multiple";
    const chosen = new Set(
      Array.isArray(value) ? value : value === undefined ? [] : [String(value)],
    );
    return (
      <div className="question__options">
        {multiple ? <p className="hint">Select all that apply.</p> : null}
        {/* An option with maths is named by its one-line text (option.label): MathML in a
            label is flattened or skipped by name computations (see lib/notebook/math-text.ts). */}
        {question.options.map((option) => (
          <label key={option.id} className="question__option">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={option.id}
              aria-label={option.label}
              checked={chosen.has(option.id)}
              onChange={(event) => {
                if (!multiple) return onChange(option.id);
                const next = new Set(chosen);
                if (event.target.checked) next.add(option.id);
                else next.delete(option.id);
                onChange([...next]);
              }}
            />
            <span dangerouslySetInnerHTML={{ __html: option.html }} />
          </label>
        ))}
      </div>
    );
  }
  if (question.type === "truefalse") {
    return (
      <div className="question__options">
        {[true, false].map((choice) => (
          <label key={String(choice)} className="question__option">
            <input
              type="radio"
              name={name}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />
            {choice ? "True" : "False"}
          </label>
        ))}
      </div>
    );
  }
  if (question.type === "numeric" || question.type === "text") {
    return (
      <label className="question__text">
        Your answer
        <input
          type="text"
          inputMode={question.type === "numeric" ? "decimal" : "text"}
          autoComplete="off"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
        />
        {question.type === "numeric" ? (
          <span className="hint">A number such as 0.25, 1/4 or 25%.</span>
        ) : null}
      </label>
    );
  }
  if ("items" in question) {
    const order =
      Array.isArray(value) && value.length === question.items.length
        ? value
        : question.items.map((i) => i.id);
    const byId = new Map(question.items.map((i) => [i.id, i]));
    const move = (index: number, delta: number) => {
      const next = [...order];
      [next[index], next[index + delta]] = [next[index + delta], next[index]];
      onChange(next);
    };
    return (
      <ol className="question__ordering">
        {order.map((id, index) => (
          <li key={id}>
            <span dangerouslySetInnerHTML={{ __html: byId.get(id)?.html ?? id }} />
            <span className="question__moves">
              <button
                type="button"
                className="button button--small"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={`Move step ${index + 1} up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={index === order.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move step ${index + 1} down`}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    );
  }
  if ("starter" in question) {
    return (
      <label className="question__text">
        Your circuit (OpenQASM)
        <textarea
          className="question__code"
          spellCheck={false}
          rows={Math.max(6, question.starter.split("\n").length + 2)}
          value={typeof value === "string" ? value : question.starter}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
    );
  }
  return null;
}
