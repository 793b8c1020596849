import { afterEach, expect, it, vi } from "vitest";
import { loadTestUserPage, thrownDigest } from "../support/test-user-page";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// Its users would dodge Try the demo's per-address limit and cleanup, and its phone would be a login.
it("/test-user is not found in the public demo (a production demo build)", async () => {
  const TestUserPage = await loadTestUserPage("demo", {
    NODE_ENV: "production",
    AUTH_SECRET: "a-real-secret-of-enough-length",
    AUTH_URL: "https://demo.example.com",
    CLIENT_IP_HEADER: "x-real-ip",
  });
  expect(thrownDigest(TestUserPage)).toMatch(/404/);
});
