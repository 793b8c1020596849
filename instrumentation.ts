// Runs once when the server boots. The Node-only modules load here only, so the edge build never sees them.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/boot-check");
    // Before any request, so proxy.ts (a token refresh) finds demo mode's transport too.
    await (await import("./lib/plugins")).registerPlugins();
  }
}
