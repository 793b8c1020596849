import { vi } from "vitest";

/** /test-user's page as the app builds it for `astraEnv`, with fresh modules (lib/env.ts caches what it parsed). */
export async function loadTestUserPage(astraEnv: string, extra: Record<string, string> = {}) {
  vi.stubEnv("ASTRA_ENV", astraEnv);
  for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
  vi.stubEnv("ASTRA_CLIENT_ID", "live_client");
  vi.stubEnv("ASTRA_CLIENT_SECRET", "live_secret");
  vi.resetModules();
  return (await import("@/app/test-user/page")).default;
}

/** The digest of what rendering the page threw ("NEXT_HTTP_ERROR_FALLBACK;404" for notFound()), or "". */
export function thrownDigest(render: () => unknown): string {
  try {
    render();
  } catch (error) {
    return (error as { digest?: string }).digest ?? "";
  }
  return "";
}
