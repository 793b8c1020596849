// Runs once when the server boots. The Node-only modules load here only, so the edge build never sees them.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Checks the configuration, then registers the plug-ins (lib/plugins.ts) before any request, so proxy.ts (a
    // token refresh) finds demo mode's transport too.
    await (await import("./lib/boot-check")).boot();
  }
}
