import { afterEach, describe, expect, it, vi } from "vitest";
import { loadTestUserPage, thrownDigest } from "./support/test-user-page";

// "Create a test user" is for the emulator and Astra's sandbox only: in production it must not exist.
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("/test-user", () => {
  it("is not found when the app talks to Astra's production", async () => {
    const TestUserPage = await loadTestUserPage("production");
    expect(thrownDigest(TestUserPage)).toMatch(/404/);
  });

  it("renders against Astra's sandbox, asking for the SSN instead of offering outcomes", async () => {
    const TestUserPage = await loadTestUserPage("sandbox");
    const element = TestUserPage();
    expect(element.props.children[1].props).toMatchObject({ outcomes: null });
  });
});
