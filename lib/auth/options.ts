import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";

import { getDatabase } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { getOrCreateSecret } from "@/db/queries/secrets";
import { findOrCreateExternalUser, findUserByEmail, normaliseEmail } from "@/db/queries/users";

import { verifyPassword } from "./password";

/** Sign-in attempts allowed per email and per client address in each 15-minute window. */
export const SIGN_IN_LIMITS = {
  perEmail: 10,
  perAddress: Number(process.env.KETBOOK_SIGNIN_RATE_LIMIT ?? 50),
  windowSeconds: 900,
} as const;

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
  const db = getDatabase().db;
  const secret = process.env.NEXTAUTH_SECRET ?? (await getOrCreateSecret(db, "nextauth"));

  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const email = normaliseEmail(String(credentials?.email ?? ""));
        const password = String(credentials?.password ?? "");
        if (!email || !password) return null;
        const forwarded = (req?.headers?.["x-forwarded-for"] as string | undefined)
          ?.split(",")[0]
          ?.trim();
        const [byEmail, byAddress] = await Promise.all([
          hitRateLimit(
            db,
            `signin:email:${email}`,
            SIGN_IN_LIMITS.perEmail,
            SIGN_IN_LIMITS.windowSeconds,
          ),
          hitRateLimit(
            db,
            `signin:ip:${forwarded ?? "local"}`,
            SIGN_IN_LIMITS.perAddress,
            SIGN_IN_LIMITS.windowSeconds,
          ),
        ]);
        if (!byEmail.allowed || !byAddress.allowed) {
          throw new Error(
            `Too many sign-in attempts. Try again in ${Math.ceil(Math.max(byEmail.retryAfterSeconds, byAddress.retryAfterSeconds) / 60)} minutes.`,
          );
        }
        const user = await findUserByEmail(db, email);
        if (!(await verifyPassword(user?.passwordHash, password)) || !user) return null;
        return { id: user.id, email: user.email, name: user.name };
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
      async signIn({ account, user }) {
        if (account?.provider === "github") {
          if (!user.email) return "/signin?error=GitHubEmail";
          const linked = await findOrCreateExternalUser(db, {
            provider: "github",
            providerAccountId: account.providerAccountId,
            email: user.email,
            name: user.name ?? user.email,
          });
          user.id = linked.id;
        }
        return true;
      },
      // The token carries only the user id; roles are read from the database on every check,
      // so a changed role or a deleted account takes effect at once.
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
