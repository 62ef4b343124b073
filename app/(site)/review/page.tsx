import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { listReviews } from "@/db/queries/quizzes";
import { getCurrentUser } from "@/lib/auth/guards";
import { publicQuiz } from "@/lib/grading/public-quiz";
import { promptTitle, renderQuestion } from "@/lib/grading/public-view";
import { getLessonChecks } from "@/lib/courses/repository";
import { REVIEW_INTERVAL_DAYS } from "@/lib/review/leitner";

import { ReviewQuestion } from "../../_components/quiz/review-question";

export const metadata: Metadata = { title: "Review" };

/** "Now" for this request (kept out of the component body, which must render purely). */
async function requestTime(): Promise<Date> {
  return new Date();
}

/** Questions the learner got wrong come back here, spaced out by Leitner boxes. */
export default async function ReviewPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/review");
  const items = await listReviews(getDatabase().db, user.id);
  const entries = (
    await Promise.all(
      items.map(async (item) => {
        const checks = await getLessonChecks(item.courseId, item.lessonId);
        const quiz = checks?.quiz;
        const question = quiz
          ? publicQuiz(quiz).questions.find((q) => q.id === item.questionId)
          : undefined;
        // A question removed from the course simply leaves the review.
        return checks && question
          ? [
              {
                item,
                lesson: checks.lesson.meta,
                question: renderQuestion(question),
                title: promptTitle(question.prompt),
              },
            ]
          : [];
      }),
    )
  ).flat();
  const now = await requestTime();
  const due = entries.filter((e) => e.item.dueAt <= now);
  const later = entries.filter((e) => e.item.dueAt > now);

  return (
    <div className="page">
      <h1>Review</h1>
      <p className="lead">
        Questions you missed come back here. Answer one right and it returns later (after{" "}
        {REVIEW_INTERVAL_DAYS.slice(1, 4).join(", ")} days…); miss it and it goes back to the first
        box, due again at once.
      </p>
      <section aria-labelledby="due-title">
        <h2 id="due-title">Due now ({due.length})</h2>
        {due.length === 0 ? <p>Nothing to review right now. </p> : null}
        {due.map(({ item, lesson, question, title }) => {
          const titleId = `review-${item.courseId}-${item.questionId}`;
          return (
            <article
              key={`${item.courseId}/${item.questionId}`}
              className="review-card"
              aria-labelledby={titleId}
            >
              <h3
                id={titleId}
                className="review-card__title"
                {...(title.html
                  ? { dangerouslySetInnerHTML: { __html: title.html } }
                  : { children: `A question from ${lesson.title}` })}
              />
              <p className="meta">
                From <Link href={`/learn/${item.courseId}/${lesson.slug}`}>{lesson.title}</Link> ·
                box {item.box}
              </p>
              <ReviewQuestion
                courseId={item.courseId}
                lessonId={item.lessonId}
                question={question}
                titleId={titleId}
                promptInTitle={title.wholePrompt}
              />
            </article>
          );
        })}
      </section>
      {later.length > 0 ? (
        <section aria-labelledby="later-title">
          <h2 id="later-title">Coming up ({later.length})</h2>
          <ul>
            {later.map(({ item, lesson, title }) => (
              <li key={`${item.courseId}/${item.questionId}`}>
                {title.html ? (
                  <span dangerouslySetInnerHTML={{ __html: title.html }} />
                ) : (
                  "A question"
                )}{" "}
                <span className="meta">
                  from {lesson.title}, due {item.dueAt.toISOString().slice(0, 10)} (box {item.box})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
