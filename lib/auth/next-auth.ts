// The Auth.js instance: Astra's tokens live only in the encrypted, httpOnly cookie, never in what the browser sees.
import NextAuth, { type DefaultSession } from "next-auth";
import { ASTRA_PROVIDER_ID, AstraProvider } from "@/lib/astra/oauth-provider";
import { userSchema, type User } from "@/lib/astra/schemas";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { getEnv } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/framework-input";
import { currentRequestOrigin } from "@/lib/http/request-origin";

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => {
  const env = getEnv();
  // Demo mode without AUTH_URL: the emulator lives on the origin the visitor addressed (a proxy's forwarded host).
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
    expiresAt?: number;
    error?: "RefreshTokenError";
  }
}
