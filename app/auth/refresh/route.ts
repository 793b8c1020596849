import { NextResponse, type NextRequest } from "next/server";
import { readSession, REFRESH_ATTEMPT_COOKIE, writeSession } from "@/lib/auth/astra-session";
import { safeCallbackPath, signInUrlFor } from "@/lib/auth/callback-path";
import { refreshSessionTokens } from "@/lib/auth/refresh-token";

// A page got a 401 from Astra: refresh the session's tokens here, where the cookie can be written, and go back.
export async function GET(request: NextRequest) {
  const returnTo = safeCallbackPath(request.nextUrl.searchParams.get("callbackUrl"));
  const session = await readSession();
  if (!session) return NextResponse.redirect(signInUrlFor(new URL(returnTo, request.nextUrl.origin)));

  try {
    await writeSession(await refreshSessionTokens(session));
  } catch {
    // Astra unreachable: the page will show that error, with the request id if there was one.
  }
  const response = NextResponse.redirect(new URL(returnTo, request.nextUrl.origin));
  response.cookies.set(REFRESH_ATTEMPT_COOKIE, "1", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 30 });
  return response;
}
