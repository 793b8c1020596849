// The Auth.js (next-auth) instance and its callbacks: the Astra provider, what the encrypted session cookie
// holds, and what the browser may see. Access and refresh tokens live only inside the encrypted, httpOnly JWT
// cookie. The helpers it relies on sit beside it in lib/auth/.
import NextAuth, { type DefaultSession } from "next-auth";
import { ASTRA_PROVIDER_ID, AstraProvider } from "@/lib/astra/oauth-provider";
import { userSchema, type User } from "@/lib/astra/schemas";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/framework-input";
import { currentRequestOrigin } from "@/lib/http/request-origin";

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const env = getEnv();
  // Demo mode without AUTH_URL: the embedded emulator lives on whatever origin this request came to, as the
  // visitor addressed it (a proxy's forwarded host, as Auth.js itself reads it), not this instance's own.
  const origin = env.astraAppUrl.startsWith("/")
    ? request
      ? addressedOrigin(request.headers, request.nextUrl, env.authUrl)
      : await currentRequestOrigin()
    : undefined;
  return {
    providers: [AstraProvider(env, origin)],
    secret: env.authSecret,
    trustHost: env.trustHost,
    useSecureCookies: env.useSecureCookies,
    session: { strategy: "jwt" },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      // A person pressing Deny on Astra's consent page is not a server error: one line, not a stack trace.
      error(error) {
        if (error.name === "OAuthCallbackError" || error.name === "AccessDenied") {
          console.warn(`[auth] ${error.name}: ${error.message}`);
        } else {
          console.error(error);
        }
      },
    },
    callbacks: {
      // Auth.js's default accepts any "/…" as a path, "/.//evil.example" included; ours normalises first.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
      jwt({ token, account, profile }) {
        if (account?.provider === ASTRA_PROVIDER_ID) {
          // First call after the code exchange: keep the tokens server-side, in the encrypted cookie.
          const user = userSchema.parse(profile);
          return {
            ...token,
            astraUserId: user.id,
            status: user.status,
            accessToken: account.access_token,
            refreshToken: account.refresh_token,
            expiresAt: account.expires_at,
          };
        }
        return token;
      },
      session({ session, token }) {
        // Only what the UI needs: never a token. This object is served at /api/auth/session.
        return {
          ...session,
          user: { ...session.user, id: token.astraUserId, status: token.status },
          error: token.error,
        };
      },
    },
  };
});

declare module "next-auth" {
  interface Session {
    /** `status` is Astra's, kept as sent: a known user status or one Astra added since. */
    user: { id: string; status: User["status"] } & DefaultSession["user"];
    error?: "RefreshTokenError";
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    astraUserId: string;
    status: User["status"];
    accessToken?: string;
    refreshToken?: string;
    /** Access-token expiry, seconds since the epoch. */
    expiresAt?: number;
    error?: "RefreshTokenError";
  }
}
