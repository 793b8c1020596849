// Runs once when the server boots. The Node-only check lives in its own module so the edge build never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/boot-check");
  }
}
