import { describe, expect, it, vi } from "vitest";
import { customFetch } from "next-auth";
import { AstraProvider, withTokenType } from "@/lib/astra/oauth-provider";
import { astraTransport } from "@/lib/astra/hooks";
import { parseEnv } from "@/lib/env";

describe("AstraProvider", () => {
  const provider = AstraProvider(
    parseEnv({ ASTRA_API_URL: "http://localhost:4100", ASTRA_APP_URL: "http://localhost:4101" }),
  );

  it("points at the module for authorization and the API for token and profile", () => {
    expect(provider.authorization).toMatchObject({
      url: "http://localhost:4101/login/oauth/authorize",
      params: { response_type: "code" },
    });
    expect(provider.token).toMatchObject({ url: "http://localhost:4100/v1/oauth/token" });
    expect(provider.userinfo).toBe("http://localhost:4100/v1/user");
    expect(provider.client).toEqual({ token_endpoint_auth_method: "client_secret_basic" });
    expect(provider.checks).toEqual(["state"]);
  });

  it("sends the token and profile calls through the app's transport (in-process in demo mode)", () => {
    expect(provider[customFetch]).toBe(astraTransport);
  });

  it("in demo mode without AUTH_URL puts the emulator on the request's origin", () => {
    const demo = AstraProvider(
      parseEnv({
        ASTRA_ENV: "demo",
        NODE_ENV: "production",
        AUTH_SECRET: "x".repeat(32),
        AUTH_TRUST_HOST: "true",
        CLIENT_IP_HEADER: "x-real-ip",
      }),
      "https://preview.example",
    );
    expect(demo.authorization).toMatchObject({ url: "https://preview.example/emulator/login/oauth/authorize" });
    expect(demo.token).toMatchObject({ url: "https://preview.example/emulator/v1/oauth/token" });
    expect(demo.userinfo).toBe("https://preview.example/emulator/v1/user");
    expect(demo.issuer).toBe("https://preview.example/emulator");
  });

  it("builds the profile from GET /v1/user and rejects a malformed one", () => {
    const user = {
      id: "usr_1",
      email: "avery.demo@example.com",
      phone: "+12025550123",
      first_name: "Avery",
      last_name: "Demo",
      status: "approved",
    };
    expect(provider.profile!(user as never, {} as never)).toEqual({
      id: "usr_1",
      name: "Avery Demo",
      email: "avery.demo@example.com",
    });
    // A status Astra added later is kept, not refused; a profile without an id cannot sign anyone in.
    expect(provider.profile!({ ...user, status: "under_review" } as never, {} as never)).toMatchObject({ id: "usr_1" });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => provider.profile!({ ...user, id: undefined } as never, {} as never)).toThrow();
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it("signs in a user whose profile has only an id and a status", () => {
    expect(provider.profile!({ id: "usr_2", status: "approved" } as never, {} as never)).toEqual({
      id: "usr_2",
      name: null,
      email: null,
    });
  });
});

describe("withTokenType", () => {
  it("adds token_type when Astra's token response omits it", async () => {
    const conformed = await withTokenType(Response.json({ access_token: "a", expires_in: 7200, refresh_token: "r" }));
    expect(await conformed!.json()).toEqual({
      access_token: "a",
      expires_in: 7200,
      refresh_token: "r",
      token_type: "bearer",
    });
  });

  it("leaves complete and error responses alone", async () => {
    expect(await withTokenType(Response.json({ access_token: "a", token_type: "Bearer" }))).toBeUndefined();
    expect(await withTokenType(Response.json({ error: "invalid_grant" }, { status: 400 }))).toBeUndefined();
  });
});
