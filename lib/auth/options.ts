import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";

import { getDatabase } from "@/db/client";
import { getOrCreateSecret } from "@/db/queries/secrets";
import { findOrCreateExternalUser, findUserById } from "@/db/queries/users";
import { clientAddress } from "@/lib/http/client-key";

import { safeAuthRedirect } from "./callback-url";
import { signInWithPassword } from "./sign-in";
import { throttledCode } from "./sign-in-messages";

// Without NEXTAUTH_URL, trust the Host header (self-hosting on one machine or behind a proxy
// that sets it). Set NEXTAUTH_URL in production to pin the public origin.
process.env.AUTH_TRUST_HOST ??= "true";

let cached: Promise<NextAuthOptions> | undefined;

/**
 * Auth.js options. Sessions are signed JWTs (stateless web nodes); the signing secret comes from
 * NEXTAUTH_SECRET or, when unset, is generated once and kept in Postgres so all nodes share it.
 */
export function getAuthOptions(): Promise<NextAuthOptions> {
  cached ??= buildOptions().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function buildOptions(): Promise<NextAuthOptions> {
  const secret =
    process.env.NEXTAUTH_SECRET ?? (await getOrCreateSecret(getDatabase().db, "nextauth"));
  // The options are built once, but every callback asks for the database when it runs: the
  // process's database can be replaced after start (tests install one per database kind).
  const db = () => getDatabase().db;

  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const result = await signInWithPassword(db(), {
          email: String(credentials?.email ?? ""),
          password: String(credentials?.password ?? ""),
          // Auth.js hands the request's headers over as a plain record.
          address: clientAddress(req?.headers as Record<string, string | undefined> | undefined),
        });
        if (result.ok) return result.user;
        // Auth.js passes a thrown message to the form through a URL: send a code, not prose.
        if (result.reason === "throttled") throw new Error(throttledCode(result.retryAfterSeconds));
        return null;
      },
    }),
  ];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(
      GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }),
    );
  }

  return {
    secret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/signin" },
    providers,
    callbacks: {
      // Every callbackUrl Auth.js is given (sign-in with GitHub, sign-out, its own pages) goes
      // through the same parsed same-site rule as the pages' own return targets.
      async redirect({ url, baseUrl }) {
        return safeAuthRedirect(url, baseUrl);
      },
      async signIn({ account, user }) {
        if (account?.provider === "github") {
          if (!user.email) return "/signin?error=GitHubEmail";
          const linked = await findOrCreateExternalUser(db(), {
            provider: "github",
            providerAccountId: account.providerAccountId,
            email: user.email,
            name: user.name ?? user.email,
          });
          user.id = linked.id;
        }
        return true;
      },
      // The token carries only the user id; the session's user (name, email, role) is read from
      // the database every time it is asked for, so a changed role or a deleted account takes
      // effect at once. The header shows Studio and Admin by this role; the server's own checks
      // (getCurrentUser) use the same read.
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        const user = token.sub ? await findUserById(db(), token.sub) : undefined;
        return { ...session, user: user ? { ...user } : undefined };
      },
    },
  };
}
