import { describe, expect, it } from "vitest";
import { buildModuleUrl, isModuleAction, type ModuleLink } from "../../src/lib/module-url";

const base: ModuleLink = {
  baseUrl: "http://localhost:4010",
  action: "collect_authorization",
  clientId: "astra_0123456789abcdef01234567",
  redirectUri: "http://localhost:3000/api/auth/callback/astra",
};

const parse = (link: ModuleLink) => new URL(buildModuleUrl(link));

describe("buildModuleUrl (the dashboard's OAuth link generator)", () => {
  it("Collect Authorization: /login/oauth/authorize with response_type=code, client_id and redirect_uri", () => {
    const url = parse(base);
    expect(url.origin).toBe("http://localhost:4010");
    expect(url.pathname).toBe("/login/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: base.clientId,
      redirect_uri: base.redirectUri,
      response_type: "code",
    });
  });

  it("keeps the base path of an emulator mounted inside an app", () => {
    const url = parse({ ...base, baseUrl: "https://demo.example/emulator" });
    expect(url.origin).toBe("https://demo.example");
    expect(url.pathname).toBe("/emulator/login/oauth/authorize");
  });

  it.each([
    ["link_bank_account", "/institutions/connect"],
    ["verify_personal", "/verify/personal"],
    ["verify_document", "/verify/document"],
  ] as const)("%s goes to %s without response_type", (action, path) => {
    const url = parse({ ...base, action });
    expect(url.pathname).toBe(path);
    expect(url.searchParams.has("response_type")).toBe(false);
    expect(url.searchParams.get("client_id")).toBe(base.clientId);
  });

  it("a user intent adds user_intent_id, its phone and phone_read_only=true", () => {
    const url = parse({ ...base, subject: { kind: "user_intent", id: "intent-1", phone: "2025550142" } });
    expect(url.searchParams.get("user_intent_id")).toBe("intent-1");
    expect(url.searchParams.has("user_id")).toBe(false);
    expect(url.searchParams.get("phone")).toBe("2025550142");
    expect(url.searchParams.get("phone_read_only")).toBe("true");
  });

  it("a user adds user_id instead", () => {
    const url = parse({
      ...base,
      action: "verify_document",
      subject: { kind: "user", id: "user-9", phone: "2025550123" },
    });
    expect(url.searchParams.get("user_id")).toBe("user-9");
    expect(url.searchParams.has("user_intent_id")).toBe(false);
    expect(url.searchParams.get("phone_read_only")).toBe("true");
  });

  it("encodes a redirect URI with its own query and a state with special characters so both round-trip", () => {
    const redirectUri = "https://client.example/cb?tenant=7&x=a b";
    const state = "s&t=1/?#";
    const url = parse({ ...base, redirectUri, state });
    expect(url.searchParams.get("redirect_uri")).toBe(redirectUri);
    expect(url.searchParams.get("state")).toBe(state);
    expect(url.hash).toBe("");
  });

  it("leaves out an empty state and no subject", () => {
    const url = parse({ ...base, state: "", subject: null });
    expect(url.searchParams.has("state")).toBe(false);
    expect(url.searchParams.has("phone")).toBe(false);
  });

  it("knows its action types", () => {
    expect(isModuleAction("link_bank_account")).toBe(true);
    expect(isModuleAction("toString")).toBe(false);
  });
});
