import path from "node:path";

import { expect, it } from "vitest";

import { loadLessonChecks } from "@/lib/grading/load-checks";

/** The FAQ lesson's quiz checks understanding of every one of the article's seven FAQs. */
it("the FAQ quiz covers all seven FAQs", async () => {
  const { lesson, quiz } = await loadLessonChecks(path.join(process.cwd(), "content"), "qml-foundations", "15-faq");
  const faqs = lesson.toc.filter((entry) => entry.depth === 2 && entry.text.endsWith("?"));
  expect(faqs).toHaveLength(7);
  const tested = new Set(quiz?.questions.map((q) => q.section));
  expect(faqs.filter((faq) => !tested.has(faq.slug)).map((faq) => faq.text)).toEqual([]);
});
