import Link from "next/link";

import { UserMenu } from "./auth/user-menu";
import { HeaderMenu } from "./header-menu";
import { ThemeToggle } from "./theme-toggle";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        {/* The ket is drawn by CSS, so the link's visible text is its name's first word. */}
        <Link href="/" className="brand" aria-label="Ketbook home">
          Ketbook
        </Link>
        <HeaderMenu>
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
        </HeaderMenu>
      </div>
    </header>
  );
}
