import Link from "next/link";

import type { LessonMeta } from "@/lib/notebook/types";

import { PagerShortcuts } from "./pager-shortcuts";

interface Props {
  courseId: string;
  previous?: LessonMeta;
  next?: LessonMeta;
}

export function LessonPager({ courseId, previous, next }: Props) {
  const href = (lesson: LessonMeta) => `/learn/${courseId}/${lesson.slug}`;
  return (
    <nav className="pager" aria-label="Lessons">
      {previous ? (
        <Link
          className="pager__link pager__link--prev"
          href={href(previous)}
          rel="prev"
          aria-keyshortcuts="p"
        >
          <span className="pager__dir">← Previous</span>
          <span className="pager__title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          className="pager__link pager__link--next"
          href={href(next)}
          rel="next"
          aria-keyshortcuts="n"
        >
          <span className="pager__dir">Next →</span>
          <span className="pager__title">{next.title}</span>
        </Link>
      ) : (
        <Link className="pager__link pager__link--next" href={`/learn/${courseId}`} rel="next">
          <span className="pager__dir">Finished →</span>
          <span className="pager__title">Back to the syllabus</span>
        </Link>
      )}
      <PagerShortcuts previous={previous && href(previous)} next={next && href(next)} />
    </nav>
  );
}
