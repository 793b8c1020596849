import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT_BYTES,
  actionBodyRefusal,
  actionOriginRefusal,
  addressedOrigin,
  badCallbackCookies,
  callbackQueryRefusal,
  isServerActionRequest,
} from "@/lib/http/framework-input";

const ORIGIN = "https://app.example";

describe("addressedOrigin", () => {
  it("is AUTH_URL when set, else the forwarded host and scheme, else the request's own", () => {
    const url = new URL("http://127.0.0.1:3000/x");
    expect(addressedOrigin(new Headers({ host: "a.example" }), url, ORIGIN)).toBe(ORIGIN);
    const forwarded = new Headers({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "d.example",
      "x-forwarded-proto": "https",
    });
    expect(addressedOrigin(forwarded, url, undefined)).toBe("https://d.example");
    expect(addressedOrigin(new Headers({ host: "localhost:3000" }), url, undefined)).toBe("http://localhost:3000");
  });
});

describe("callbackQueryRefusal", () => {
  const at = (query: string, path = "/api/auth/signin") => new URL(`${path}?${query}`, ORIGIN);

  it("refuses a callbackUrl that is not a URL on this site, on Auth.js routes", () => {
    for (const value of ["not a url", "https://evil.example/", "//evil.example", "javascript:alert(1)", "/\\evil"]) {
      expect(callbackQueryRefusal(at(`callbackUrl=${encodeURIComponent(value)}`), ORIGIN), value).toMatchObject({
        status: 400,
      });
    }
    expect(callbackQueryRefusal(at("callbackUrl=%2Fok&callbackUrl=https%3A%2F%2Fevil.example"), ORIGIN)).not.toBeNull();
  });

  it("lets paths and absolute URLs on this site through, and ignores other routes", () => {
    expect(callbackQueryRefusal(at("callbackUrl=%2Fdashboard"), ORIGIN)).toBeNull();
    expect(callbackQueryRefusal(at(`callbackUrl=${encodeURIComponent(`${ORIGIN}/routines?x=1`)}`), ORIGIN)).toBeNull();
    expect(callbackQueryRefusal(at("other=1"), ORIGIN)).toBeNull();
    expect(callbackQueryRefusal(at("callbackUrl=nonsense", "/signin"), ORIGIN)).toBeNull();
  });
});

describe("badCallbackCookies", () => {
  it("names the Auth.js callback-url cookies whose value is not on this site, and no other cookie", () => {
    const cookies = [
      { name: "authjs.callback-url", value: "not a url" },
      { name: "__Secure-authjs.callback-url", value: `${ORIGIN}/dashboard` },
      { name: "other", value: "not a url" },
    ];
    expect(badCallbackCookies(cookies, ORIGIN)).toEqual(["authjs.callback-url"]);
    expect(
      badCallbackCookies([{ name: "__Secure-authjs.callback-url", value: "https://evil.example" }], ORIGIN),
    ).toEqual(["__Secure-authjs.callback-url"]);
  });
});

describe("isServerActionRequest", () => {
  it("is a POST with Next-Action, or a form posted to a page", () => {
    expect(isServerActionRequest("POST", "/", new Headers({ "next-action": "abc" }))).toBe(true);
    expect(isServerActionRequest("POST", "/", new Headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(
      true,
    );
    expect(
      isServerActionRequest("POST", "/x", new Headers({ "content-type": "application/x-www-form-urlencoded" })),
    ).toBe(true);
    expect(
      isServerActionRequest("POST", "/api/auth/signin", new Headers({ "content-type": "multipart/form-data" })),
    ).toBe(false);
    expect(isServerActionRequest("GET", "/", new Headers({ "next-action": "abc" }))).toBe(false);
    expect(isServerActionRequest("POST", "/", new Headers({ "content-type": "application/json" }))).toBe(false);
  });
});

describe("actionOriginRefusal", () => {
  it("refuses an Origin whose host is not the one addressed (forwarded host first), and a bad Origin", () => {
    expect(actionOriginRefusal(new Headers({ host: "app.example", origin: "https://evil.example" }))).toMatchObject({
      status: 403,
    });
    expect(actionOriginRefusal(new Headers({ host: "app.example", origin: "null" }))).toMatchObject({ status: 403 });
    expect(
      actionOriginRefusal(new Headers({ host: "127.0.0.1", "x-forwarded-host": "app.example", origin: ORIGIN })),
    ).toBeNull();
    expect(actionOriginRefusal(new Headers({ host: "app.example", origin: ORIGIN }))).toBeNull();
    expect(actionOriginRefusal(new Headers({ host: "app.example" }))).toBeNull();
  });
});

describe("actionBodyRefusal", () => {
  const post = (body: string, headers: Record<string, string>) =>
    new Request(ORIGIN, { method: "POST", body, headers: { "next-action": "abc", ...headers } });

  it("refuses a declared body over the limit (413) and a chunked one without a length (411), unread", async () => {
    const over = { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1), "content-type": "text/plain" };
    expect(await actionBodyRefusal(post("[]", over))).toMatchObject({ status: 413 });
    expect(await actionBodyRefusal(post("[]", { "content-length": "x" }))).toMatchObject({ status: 413 });
    const chunked = { "transfer-encoding": "chunked", "content-type": "text/plain" };
    expect(await actionBodyRefusal(post("[]", chunked))).toMatchObject({ status: 411 });
    expect(await actionBodyRefusal(post("[]", { "content-length": "2", "content-type": "text/plain" }))).toBeNull();
  });

  it("refuses a malformed multipart body or non-JSON arguments, and passes well-formed ones, leaving the body readable", async () => {
    const malformed = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno closing boundary';
    const length = (body: string) => String(new TextEncoder().encode(body).byteLength);
    for (const contentType of ["multipart/form-data; boundary=x", "multipart/form-data"]) {
      expect(
        await actionBodyRefusal(post(malformed, { "content-type": contentType, "content-length": length(malformed) })),
      ).toMatchObject({ status: 400 });
    }
    expect(await actionBodyRefusal(post("aaa", { "content-type": "text/plain", "content-length": "3" }))).toMatchObject(
      {
        status: 400,
      },
    );
    expect(await actionBodyRefusal(post("{}", { "content-type": "text/plain", "content-length": "2" }))).toMatchObject({
      status: 400,
    });
    expect(await actionBodyRefusal(post('["x"]', { "content-type": "text/plain", "content-length": "5" }))).toBeNull();

    const form = new FormData();
    form.set("name", "value");
    const encoded = new Request(ORIGIN, { method: "POST", body: form });
    const request = new Request(ORIGIN, {
      method: "POST",
      body: await encoded.arrayBuffer(),
      headers: { "content-type": encoded.headers.get("content-type")!, "content-length": "1", "next-action": "abc" },
    });
    expect(await actionBodyRefusal(request)).toBeNull();
    expect((await request.formData()).get("name")).toBe("value");
  });
});
