// The dashboard login's limits: every attempt counts, the successful too (the seeded password is public), at most
// 10 a minute per client address and 5 per account, and a refused attempt answers 429 before any password check.
import { afterEach, describe, expect, it, vi } from "vitest";
import { SEED_DEVELOPER } from "../src/store/seed";
import { dashboardClient } from "./dashboard-helpers";
import { createTestEmulator } from "./helpers";
import { createHostedTestEmulator, ORIGIN } from "./mount-helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

const SEED = { email: SEED_DEVELOPER.email, password: SEED_DEVELOPER.password };

/** The standalone emulator, with every password check (a scrypt) counted. */
function standalone() {
  const sandbox = createTestEmulator();
  const passwordChecks = vi.spyOn(sandbox.store.developers, "logIn");
  const logIn = (fields: { email: string; password: string }) =>
    dashboardClient(sandbox).post("/dashboard/login", fields);
  return { logIn, passwordChecks };
}

describe("dashboard login limits", () => {
  it("counts successful logins: the sixth in a minute for one account gets 429 without a password check", async () => {
    const { logIn, passwordChecks } = standalone();
    for (let i = 0; i < 5; i += 1) expect((await logIn(SEED)).status).toBe(303);
    const blocked = await logIn({ ...SEED, email: SEED.email.toUpperCase() });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/Too many login attempts/);
    expect(blocked.headers.get("set-cookie")).toBeNull();
    expect(passwordChecks).toHaveBeenCalledTimes(5);
  }, 60_000); // five scrypts on a busy machine

  it("allows 10 attempts a minute from one address across accounts, then 429 before any password check", async () => {
    const { logIn, passwordChecks } = standalone();
    for (let i = 0; i < 10; i += 1)
      expect((await logIn({ email: `person${i}@example.com`, password: "wrong password" })).status).toBe(400);
    const blocked = await logIn(SEED);
    expect(blocked.status).toBe(429);
    expect(passwordChecks).toHaveBeenCalledTimes(10);
  }, 60_000);

  it("hosted, counts by the address the app reports, one IPv6 /64 as one client", async () => {
    const { hosted, store } = createHostedTestEmulator({
      clientAddress: (request) => request.headers.get("x-test-ip") ?? "",
    });
    const passwordChecks = vi.spyOn((await store).developers, "logIn");
    const logIn = (ip: string, email: string) =>
      hosted.fetch(
        new Request(`${ORIGIN}/emulator/dashboard/login`, {
          method: "POST",
          headers: { "x-test-ip": ip, origin: ORIGIN },
          body: new URLSearchParams({ email, password: "wrong password" }),
        }),
      );
    for (let i = 0; i < 10; i += 1)
      expect((await logIn(`2001:db8:a:b::${i + 1}`, `person${i}@example.com`)).status).toBe(400);
    expect((await logIn("2001:db8:a:b:ffff::1", "another@example.com")).status).toBe(429);
    expect((await logIn("2001:db8:a:c::1", "another@example.com")).status).toBe(400);
    expect(passwordChecks).toHaveBeenCalledTimes(11);
  }, 60_000);
});
