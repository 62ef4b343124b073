import type { TocEntry } from "@/lib/notebook/types";

export function TableOfContents({ entries }: { entries: readonly TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading" className="toc__heading">
        On this page
      </h2>
      <ol className="toc__list">
        {entries.map((entry) => (
          <li key={entry.slug} className={`toc__item toc__item--${entry.depth}`}>
            <a href={`#${entry.slug}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
