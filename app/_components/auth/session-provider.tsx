"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/** Client-side session for the header and notebooks; pages themselves stay static. */
export function AuthSessionProvider({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
