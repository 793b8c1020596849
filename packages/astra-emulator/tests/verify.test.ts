import { beforeEach, describe, expect, it } from "vitest";
import { userIntentSchema } from "../src/wire-schemas";
import {
  authorizeUrl,
  basicAuth,
  createTestEmulator,
  DEFAULT_APP,
  loginCookie,
  newIntentId,
  postForm,
  REDIRECT_URI,
  sessionIdFrom,
  signInAt,
  type TestEmulator,
  KYC_IP,
} from "./helpers";

let sandbox: TestEmulator;
beforeEach(() => {
  sandbox = createTestEmulator();
});

const verifyUrl = (kind: "personal" | "document", params: Record<string, string>) =>
  `/verify/${kind}?${new URLSearchParams({ client_id: DEFAULT_APP.clientId, redirect_uri: REDIRECT_URI, ...params })}`;

const readIntent = async (id: string) =>
  userIntentSchema.parse(
    await (await sandbox.app.request(`/v1/user_intent/${id}`, { headers: { Authorization: basicAuth() } })).json(),
  );

async function eventsOf(resourceId: string) {
  const page = await sandbox.store.webhooks.listForClient(DEFAULT_APP.clientId, { page: 1, pageSize: 100, offset: 0 });
  return page.items.filter((event) => event.resourceId === resourceId).map((event) => event.type);
}

const GOOD_DETAILS = {
  address1: "77 Elm St",
  address2: "Apt 4",
  city: "Portland",
  state: "or",
  postal_code: "97205",
  date_of_birth: "1988-09-30",
  ssn: "123-45-6789",
};

function expectApprovedRedirect(response: Response, state: string) {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
  expect(location.searchParams.get("state")).toBe(state);
  expect(location.searchParams.get("status")).toBe("approved");
}

/** A user converted from an intent in `status`, with the login cookie of their authorize sign-in. */
async function convertedUser(ip_address: string, phone: string) {
  const intentId = await newIntentId(sandbox.app, { phone: `+1${phone}`, ip_address });
  const { response } = await signInAt(sandbox.app, authorizeUrl({ user_intent_id: intentId }), phone);
  const userId = (await readIntent(intentId)).user_id ?? "";
  return { userId, cookie: loginCookie(response) };
}

describe("/verify/personal", () => {
  it("validates each field, keeps the values, and approves the retry intent", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550180", ip_address: KYC_IP.retry });
    const { html, session_id } = await signInAt(
      sandbox.app,
      verifyUrl("personal", { user_intent_id: intentId, state: "v1" }),
      "2025550180",
    );
    expect(html).toContain("Confirm your details");

    const invalid = await postForm(sandbox.app, "/verify/personal", {
      session_id,
      ...GOOD_DETAILS,
      address1: "",
      state: "Oregon",
      postal_code: "972",
      date_of_birth: "30/09/1988",
      ssn: "12345",
    });
    expect(invalid.status).toBe(400);
    const page = await invalid.text();
    for (const message of [
      "Enter your street address.",
      "Enter the 2-letter state code",
      "Enter a 5-digit ZIP code.",
      "Enter your date of birth as YYYY-MM-DD.",
      "Enter all 9 digits of your Social Security number.",
    ]) {
      expect(page).toContain(message);
    }
    expect(page).toContain('value="Portland"');
    expect(page).toContain('value="Apt 4"');
    expect(page).not.toContain("12345");
    expect((await readIntent(intentId)).status).toBe("retry");

    expectApprovedRedirect(await postForm(sandbox.app, "/verify/personal", { session_id, ...GOOD_DETAILS }), "v1");
    expect((await readIntent(intentId)).status).toBe("approved");
    expect(await eventsOf(intentId)).toEqual(["user_intent_updated"]);
  });

  it("recognises a converted user by the login cookie and approves them with user_updated", async () => {
    const { userId, cookie } = await convertedUser(KYC_IP.retry, "2025550181");
    expect((await sandbox.store.users.findById(userId))?.status).toBe("retry");
    const start = await sandbox.app.request(verifyUrl("personal", { user_id: userId, state: "v2" }), {
      headers: { Cookie: cookie },
    });
    expect(start.status).toBe(200);
    const html = await start.text();
    expect(html).toContain("Confirm your details");
    expect(html).not.toContain('name="phone"');
    const done = await postForm(sandbox.app, "/verify/personal", { session_id: sessionIdFrom(html), ...GOOD_DETAILS });
    expectApprovedRedirect(done, "v2");
    expect((await sandbox.store.users.findById(userId))?.status).toBe("approved");
    expect(await eventsOf(userId)).toEqual(["user_updated"]);
  });

  it("asks someone else's login cookie to sign in again", async () => {
    const { cookie } = await convertedUser("203.0.113.7", "2025550182");
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550183", ip_address: KYC_IP.retry });
    const start = await sandbox.app.request(verifyUrl("personal", { user_intent_id: intentId }), {
      headers: { Cookie: cookie },
    });
    expect(await start.text()).toContain('name="phone"');
  });

  it("explains that there is nothing to verify for someone not in retry, with a link back", async () => {
    const intentId = await newIntentId(sandbox.app, { phone: "+12025550184", ip_address: "203.0.113.7" });
    const { response, html } = await signInAt(
      sandbox.app,
      verifyUrl("personal", { user_intent_id: intentId, state: "v3" }),
      "2025550184",
    );
    expect(response.status).toBe(200);
    expect(html).toContain("Nothing to verify");
    expect(html).toContain(`href="${REDIRECT_URI}?state=v3&amp;status=approved"`);
  });

  it("checks client_id and redirect_uri as authorize does", async () => {
    const response = await sandbox.app.request(verifyUrl("personal", { redirect_uri: "https://evil.example/cb" }));
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.text()).toContain("Redirect URI not registered");
  });
});

describe("/verify/document", () => {
  async function documentSession(phone: string) {
    const intentId = await newIntentId(sandbox.app, { phone: `+1${phone}`, ip_address: KYC_IP.document });
    const { html, session_id } = await signInAt(
      sandbox.app,
      verifyUrl("document", { user_intent_id: intentId, state: "d1" }),
      phone,
    );
    expect(html).toContain("Verify with a photo ID");
    return { intentId, session_id };
  }

  const upload = (session_id: string, choice: string, file?: File) => {
    const form = new FormData();
    form.set("session_id", session_id);
    form.set("choice", choice);
    if (file) form.set("document", file);
    return sandbox.app.request("/verify/document", { method: "POST", body: form });
  };

  it("refuses a missing file and a file that is not an image or PDF", async () => {
    const { intentId, session_id } = await documentSession("2025550185");
    const none = await upload(session_id, "upload");
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("Choose a photo of your ID");
    const text = await upload(session_id, "upload", new File(["hello"], "id.txt", { type: "text/plain" }));
    expect(text.status).toBe(400);
    expect(await text.text()).toContain("Upload an image");
    expect((await readIntent(intentId)).status).toBe("document");
  });

  it("approves after an image upload", async () => {
    const { intentId, session_id } = await documentSession("2025550186");
    const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "id.png", { type: "image/png" });
    expectApprovedRedirect(await upload(session_id, "upload", image), "d1");
    expect((await readIntent(intentId)).status).toBe("approved");
  });

  it("approves a converted user with the sample ID", async () => {
    const { userId, cookie } = await convertedUser(KYC_IP.document, "2025550187");
    const start = await sandbox.app.request(verifyUrl("document", { user_id: userId, state: "d2" }), {
      headers: { Cookie: cookie },
    });
    expectApprovedRedirect(await upload(sessionIdFrom(await start.text()), "sample"), "d2");
    expect((await sandbox.store.users.findById(userId))?.status).toBe("approved");
  });
});
