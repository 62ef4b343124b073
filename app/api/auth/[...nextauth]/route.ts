import NextAuth from "next-auth";

import { getAuthOptions } from "@/lib/auth/options";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

// Options are async (the signing secret may come from the database), so build the handler per call.
async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
