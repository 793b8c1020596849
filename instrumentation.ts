// Runs once when the server boots. The Node-only check lives in its own module so the edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/boot-check");
    // Demo mode (as lib/env.ts decides it, including the Deploy button's VERCEL=1 without ASTRA_ENV): register the
    // embedded emulator before any request, so proxy.ts (a token refresh) finds it too.
    const { getEnv } = await import("./lib/env");
    if (getEnv().astraEnv === "demo") {
      const { hostedEmulator } = await import("./app/emulator/hosted-emulator");
      hostedEmulator();
    }
  }
}
