// EMULATOR_APP_NAME: the name the module's pages give the app a person signs in to (the app's own `npm run
// emulator` sets it from its config/site.ts).
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../src/env";
import { applyAppKeys } from "../src/lib/app-keys";
import { authorizeUrl, createTestEmulator, DEFAULT_APP, postForm, sessionIdFrom, type TestEmulator } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

async function consentPage({ app }: TestEmulator): Promise<string> {
  const session_id = sessionIdFrom(await (await app.request(authorizeUrl())).text());
  await postForm(app, "/login/oauth/authorize/phone", { session_id, phone: "2025550123" });
  return (await postForm(app, "/login/oauth/authorize/code", { session_id, code: "123456" })).text();
}

describe("EMULATOR_APP_NAME", () => {
  it("names the app on the consent screen, renaming an app seeded on an earlier run", async () => {
    const env = parseEnv({ EMULATOR_APP_NAME: " Acme Pay " });
    const emulator = createTestEmulator();
    expect(await consentPage(emulator)).toContain(`${DEFAULT_APP.name} wants to access your Astra account`);

    await applyAppKeys(emulator.store, { ...DEFAULT_APP, name: env.EMULATOR_APP_NAME });
    expect(await consentPage(emulator)).toContain("Acme Pay wants to access your Astra account");
  });

  it("unset, keeps the stored name; empty, stops start-up naming the variable", () => {
    expect(parseEnv({}).EMULATOR_APP_NAME).toBeUndefined();
    const printed: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(process, "exit").mockImplementation(() => {
      throw new Error("exit");
    });
    expect(() => parseEnv({ EMULATOR_APP_NAME: "  " })).toThrow("exit");
    expect(printed.join("\n")).toMatch(/EMULATOR_APP_NAME="  ": must not be empty[\s\S]*Fix:/);
  });
});
