// Runs once when the server boots. The Node-only check lives in its own module so the edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/boot-check");
    // Demo mode: register the embedded emulator before any request, so proxy.ts (a token refresh) finds it too.
    if (process.env.ASTRA_ENV === "demo") {
      const { hostedEmulator } = await import("./app/emulator/hosted-emulator");
      hostedEmulator();
    }
  }
}
