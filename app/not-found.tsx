import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page">
      <h1>Not found</h1>
      <p>There is no page at this address. It may have moved when a course was reorganised.</p>
      <p>
        <Link href="/learn">Go to the library</Link>
      </p>
    </div>
  );
}
