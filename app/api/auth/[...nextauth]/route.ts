import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { getEnv } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/framework-input";

// Without AUTH_URL, Auth.js builds a route's URLs (the OAuth redirect_uri among them) from the request's URL,
// which under `next start` behind a proxy is this instance's own host, while sign-in (a server action) uses the
// forwarded host: the code exchange would then fail. Both use the address the visitor used.
function asAddressed(request: NextRequest): NextRequest {
  const origin = addressedOrigin(request.headers, request.nextUrl, getEnv().authUrl);
  if (origin === request.nextUrl.origin) return request;
  return new NextRequest(`${origin}${request.nextUrl.pathname}${request.nextUrl.search}`, request);
}

export const GET = (request: NextRequest) => handlers.GET(asAddressed(request));
export const POST = (request: NextRequest) => handlers.POST(asAddressed(request));
