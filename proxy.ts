// Runs before every signed-in page: next-auth reads the session cookie and the `authorized` callback in
// lib/auth.ts sends a signed-out visitor to /signin, remembering the page to come back to.
export { auth as proxy } from "@/lib/auth";

export const config = {
  matcher: ["/dashboard/:path*", "/accounts/:path*", "/routines/:path*", "/transfers/:path*"],
};
