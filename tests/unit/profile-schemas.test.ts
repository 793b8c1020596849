import { afterEach, describe, expect, it, vi } from "vitest";
import { addressSchema, phoneSchema } from "@/app/(signed-in)/profile/schema";
import {
  addressChangeRequestSchema,
  phoneChangeRequestListSchema,
  userCapabilitiesSchema,
} from "@/lib/astra/user-schemas";
import {
  getPhoneChangeRequests,
  reshapeCapabilities,
  reshapePhoneChange,
  requestAddressChange,
  requestPhoneChange,
} from "@/lib/astra/users";

function answer(body: BodyInit | null, status = 200) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(body, { status, headers: { "content-type": "application/json" } })),
  );
}

afterEach(() => vi.unstubAllGlobals());

// Astra publishes none of these shapes: the app must read the least it could send, and values it does not know.
describe("capabilities", () => {
  it("reads an answer without a capability list as none", () => {
    expect(reshapeCapabilities(userCapabilitiesSchema.parse({}))).toEqual([]);
    expect(reshapeCapabilities(userCapabilitiesSchema.parse({ capabilities: "soon" }))).toEqual([]);
  });

  it("labels known capabilities, words unknown ones, and keeps an unknown kyc_type", () => {
    const answer = userCapabilitiesSchema.parse({
      user_id: "u1",
      kyc_type: "super-verified",
      capabilities: [
        { name: "create_routines", enabled: false, reason: "Downgraded." },
        { name: "instant_payouts", enabled: true },
      ],
    });
    expect(answer.kyc_type).toBe("super-verified");
    expect(reshapeCapabilities(answer)).toEqual([
      { name: "create_routines", label: "Move money with routines", enabled: false, reason: "Downgraded." },
      { name: "instant_payouts", label: "Instant payouts", enabled: true, reason: null },
    ]);
  });

  it("leaves out a capability without its enabled flag rather than guess it, and keeps the others", () => {
    const answer = userCapabilitiesSchema.parse({ capabilities: [{ name: "x" }, { name: "y", enabled: true }] });
    expect(answer.capabilities).toEqual([{ name: "y", enabled: true }]);
  });
});

describe("phone change requests", () => {
  it("reads a minimal request and an unknown status", () => {
    const list = phoneChangeRequestListSchema.parse({
      phone_number_change_requests: [
        { id: "p1" },
        { id: "p2", phone: "+12025550177", status: "on_hold", created: "2026-01-15T17:00:00.000000" },
      ],
    });
    expect(list.phone_number_change_requests.map(reshapePhoneChange)).toEqual([
      { id: "p1", phone: "", status: "Pending", requested: null },
      { id: "p2", phone: "+12025550177", status: "On hold", requested: "2026-01-15" },
    ]);
    expect(phoneChangeRequestListSchema.parse({}).phone_number_change_requests).toEqual([]);
  });

  it("leaves out a request it cannot read and keeps the others, so one odd item does not fail the page", async () => {
    answer(JSON.stringify({ phone_number_change_requests: [{ phone: "no id" }, 7, { id: "p3", status: "approved" }] }));
    expect(await getPhoneChangeRequests("token")).toEqual([
      { id: "p3", phone: "", status: "Approved", requested: null },
    ]);
    answer(JSON.stringify({ phone_number_change_requests: "none" }));
    expect(await getPhoneChangeRequests("token")).toEqual([]);
  });

  it("takes a succeeded change request as a success whatever its answer's shape", async () => {
    for (const body of ["{}", '{"id": 5, "status": ["odd"]}', '"accepted"', ""]) {
      answer(body);
      await expect(requestPhoneChange("token", "2025550177", "key-1"), body).resolves.toBeNull();
      answer(body);
      await expect(requestAddressChange("token", { city: "Oakland" }, "key-2"), body).resolves.not.toBeUndefined();
    }
    answer(JSON.stringify({ id: "p9", status: "pending" }));
    await expect(requestPhoneChange("token", "2025550177", "key-3")).resolves.toEqual({ id: "p9", status: "pending" });
  });

  it("reads an address change answer with nothing but unknown keys", () => {
    expect(addressChangeRequestSchema.parse({ extra: 1 })).toEqual({});
  });
});

describe("the profile forms", () => {
  it("takes a phone typed with punctuation or a leading 1, and refuses a short one in words", () => {
    expect(phoneSchema.parse({ phone: "(202) 555-0177" }).phone).toBe("2025550177");
    expect(phoneSchema.parse({ phone: "+1 202 555 0177" }).phone).toBe("2025550177");
    const refused = phoneSchema.safeParse({ phone: "555-0177" });
    expect(refused.error?.issues[0]?.message).toBe("Enter a 10-digit US phone number, like 2025550123.");
  });

  it("leaves blank address parts out, as Astra asks, and needs at least one", () => {
    expect(addressSchema.parse({ address1: " ", city: "Oakland ", state: "ca", postal_code: "" })).toEqual({
      city: "Oakland",
      state: "CA",
    });
    const empty = addressSchema.safeParse({ address1: "", city: "" });
    expect(empty.error?.issues[0]?.message).toBe("Fill in at least the part of your address that changed.");
    expect(addressSchema.safeParse({ postal_code: "9410" }).error?.issues[0]?.path).toEqual(["postal_code"]);
  });
});
