import "katex/dist/katex.min.css";
import "./globals.css";

import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { GuestWorkMerge } from "./_components/auth/guest-work-merge";
import { AuthSessionProvider } from "./_components/auth/session-provider";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import { THEME_INIT_SCRIPT } from "./_components/theme";

export const metadata: Metadata = {
  title: { default: "Ketbook — learn quantum machine learning", template: "%s · Ketbook" },
  description:
    "Learn quantum machine learning in runnable notebooks: edit circuits, run them, see what the qubits did.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1420" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request CSP nonce (proxy.ts); reading it also renders every page per request, which
  // a nonce needs.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies the saved theme before first paint, so a dark-mode reader never sees a white flash. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AuthSessionProvider>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            <GuestWorkMerge />
            {children}
          </main>
          <SiteFooter />
        </AuthSessionProvider>
      </body>
    </html>
  );
}
