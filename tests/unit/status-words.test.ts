import { describe, expect, it } from "vitest";
import { routineStatusSchema, transferStatusSchema } from "@/lib/astra/schemas";
import { ROUTINE_STATUS_WORDS, TRANSFER_STATUS_WORDS } from "@/lib/astra/status-words";

describe("status words", () => {
  it.each(routineStatusSchema.options)("explains routine status %s", (status) => {
    const words = ROUTINE_STATUS_WORDS[status];
    expect(words.label).not.toMatch(/_/);
    expect(words.explanation.length).toBeGreaterThan(20);
  });

  it.each(transferStatusSchema.options)("explains transfer status %s", (status) => {
    expect(TRANSFER_STATUS_WORDS[status].label).not.toMatch(/_/);
  });

  it("points to the module flow that resolves a blocked routine", () => {
    expect(ROUTINE_STATUS_WORDS.requires_user_verification.fix).toBe("verify-identity");
    expect(ROUTINE_STATUS_WORDS.pending_account_authorization.fix).toBe("link-account");
    expect(ROUTINE_STATUS_WORDS.active.fix).toBeUndefined();
  });

  it("reads both spellings of a cancelled transfer the same way", () => {
    expect(TRANSFER_STATUS_WORDS.canceled).toEqual(TRANSFER_STATUS_WORDS.cancelled);
  });
});
