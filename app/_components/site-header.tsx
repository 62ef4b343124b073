import Link from "next/link";

import { UserMenu } from "./auth/user-menu";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand" aria-label="Ketbook home">
          <span className="brand__ket" aria-hidden="true">
            |ψ⟩
          </span>{" "}
          Ketbook
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/learn">Library</Link>
            </li>
            <li>
              <Link href="/review">Review</Link>
            </li>
            <li>
              <Link href="/roadmap">Roadmap</Link>
            </li>
            <li>
              <Link href="/careers">Careers</Link>
            </li>
          </ul>
        </nav>
        <UserMenu />
        <ThemeToggle />
      </div>
    </header>
  );
}
