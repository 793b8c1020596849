import { afterEach, describe, expect, it, vi } from "vitest";

// Demo mode: the embedded emulator's webhooks to this app go straight to the receiver's route handler, so none
// goes out to the deployment's own (possibly protected) URL; any other target still goes over the network.
const receive = vi.hoisted(() => vi.fn(async (request: Request) => Response.json({ got: await request.text() })));
vi.mock("@/app/api/webhooks/astra/route", () => ({ POST: receive }));

afterEach(() => vi.unstubAllGlobals());

describe("the demo glue's webhook delivery", () => {
  it("hands this app's own webhook URL to the receiver in-process", async () => {
    const network = vi.fn(async () => new Response("network"));
    vi.stubGlobal("fetch", network);
    const { inProcessDelivery } = await import("@/app/emulator/hosted-emulator");
    const deliver = inProcessDelivery("https://demo.app/api/webhooks/astra", ["https://demo.app", "https://b.app"]);

    const own = await deliver("https://demo.app/api/webhooks/astra", { method: "POST", body: '{"a":1}' });
    const branch = await deliver("https://b.app/api/webhooks/astra", { method: "POST", body: "{}" });
    expect(await own.json()).toEqual({ got: '{"a":1}' });
    expect(branch.ok).toBe(true);
    expect(receive).toHaveBeenCalledTimes(2);
    expect(network).not.toHaveBeenCalled();

    await deliver("https://hooks.example/astra", { method: "POST", body: "{}" });
    expect(network).toHaveBeenCalledTimes(1);
  });
});
