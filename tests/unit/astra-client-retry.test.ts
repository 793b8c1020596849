import { describe, expect, it } from "vitest";
import { z } from "zod";
import { astraError, astraStandInPerTest, type Responder } from "./support/astra-stand-in";

// Reads are retried a bounded number of times; writes never are (a create is reconciled instead).
const astra = astraStandInPerTest();
let standIn: Awaited<ReturnType<typeof astra.point>> | undefined;

async function clientAgainst(respond: Responder) {
  standIn = await astra.point(respond);
  return (await import("@/lib/astra/client")).astraFetch;
}

const okSchema = z.object({ ok: z.literal(true) });
const read = { path: "/v1/accounts", auth: { accessToken: "tok" }, schema: okSchema } as const;

describe("astraFetch retries", () => {
  it.each([429, 500, 502, 503, 504])(
    "retries a GET that answered %i, then returns the answer that worked",
    async (status) => {
      const astraFetch = await clientAgainst((_, index) =>
        index < 2 ? astraError(status, "busy") : { json: { ok: true } },
      );
      await expect(astraFetch(read)).resolves.toEqual({ ok: true });
      expect(standIn!.seen).toHaveLength(3);
    },
  );

  it("gives up after two retries and reports the last answer with its request id", async () => {
    const astraFetch = await clientAgainst(() => astraError(503, "down"));
    await expect(astraFetch(read)).rejects.toMatchObject({ kind: "unavailable", status: 503, requestId: "req-3" });
    expect(standIn!.seen).toHaveLength(3);
  });

  it("retries a GET whose connection dropped", async () => {
    const astraFetch = await clientAgainst((_, index) => (index === 0 ? { drop: true } : { json: { ok: true } }));
    await expect(astraFetch(read)).resolves.toEqual({ ok: true });
    expect(standIn!.seen).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 422])("does not retry a GET that answered %i", async (status) => {
    const astraFetch = await clientAgainst(() => astraError(status, "no"));
    await expect(astraFetch(read)).rejects.toMatchObject({ status });
    expect(standIn!.seen).toHaveLength(1);
  });

  it.each(["POST", "PUT", "DELETE"] as const)("never retries a %s", async (method) => {
    const astraFetch = await clientAgainst(() => astraError(503, "down"));
    await expect(astraFetch({ ...read, method, body: { a: 1 } })).rejects.toMatchObject({ status: 503 });
    expect(standIn!.seen).toHaveLength(1);
  });

  it("never retries a POST whose connection dropped", async () => {
    const astraFetch = await clientAgainst(() => ({ drop: true }));
    await expect(astraFetch({ ...read, method: "POST", body: {} })).rejects.toMatchObject({
      kind: "unavailable",
      status: 0,
    });
    expect(standIn!.seen).toHaveLength(1);
  });

  it("waits as long as a short Retry-After asks", async () => {
    const astraFetch = await clientAgainst((_, index) =>
      index === 0 ? { ...astraError(429, "slow down"), headers: { "retry-after": "1" } } : { json: { ok: true } },
    );
    await expect(astraFetch(read)).resolves.toEqual({ ok: true });
    // A lower bound only: a slow machine can make the gap longer, never shorter.
    expect(standIn!.seen[1]!.at - standIn!.seen[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it("does not hold the page for a Retry-After beyond its cap", async () => {
    const astraFetch = await clientAgainst(() => ({
      ...astraError(429, "slow down"),
      headers: { "retry-after": "30" },
    }));
    await expect(astraFetch(read)).rejects.toMatchObject({ kind: "rate_limited", status: 429 });
    expect(standIn!.seen).toHaveLength(1);
  });

  it("does not retry a read that timed out, and says it timed out", async () => {
    const astraFetch = await clientAgainst(() => ({ json: { ok: true }, delayMs: 400 }));
    await expect(astraFetch({ ...read, timeoutMs: 100 })).rejects.toMatchObject({
      kind: "unavailable",
      status: 0,
      message: "Astra did not answer in time",
    });
    expect(standIn!.seen).toHaveLength(1);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and ignores nonsense", async () => {
    const { retryAfterMs } = await import("@/lib/astra/client");
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 9_000)).toBe(1000);
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
