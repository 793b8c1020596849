// The emulator parses every answer with its strict schemas before sending it: a value it must never write is a
// bug here, not something a client has to tolerate.
import { describe, expect, it } from "vitest";
import { toWireTransfer } from "../src/routes/api/transfers";
import { toWireUser } from "../src/routes/api/users";
import type { TransferRecord } from "../src/store/transfers";
import type { UserRecord } from "../src/store/users";
import { createTestEmulator, DEFAULT_APP, SEED_USER_PHONE } from "./helpers";

async function seededUser(): Promise<UserRecord> {
  const { store } = createTestEmulator();
  const user = await store.users.findByPhone(DEFAULT_APP.clientId, SEED_USER_PHONE);
  if (!user) throw new Error("no seeded user");
  return user;
}

describe("the emulator's self-check of what it sends", () => {
  it("sends a seeded user as they are", async () => {
    expect(toWireUser(await seededUser()).status).toBe("approved");
  });

  it("refuses a user status Astra does not have", async () => {
    const user = { ...(await seededUser()), status: "frozen" } as unknown as UserRecord;
    expect(() => toWireUser(user)).toThrow(/status/);
  });

  it("refuses the transfer spelling it never writes (it writes canceled)", () => {
    const transfer = {
      id: "t",
      routineId: "r",
      routineName: "n",
      routineType: "one-time",
      paymentType: "ach",
      clientCorrelationId: null,
      sourceId: "a",
      destinationId: "b",
      destinationUserId: null,
      amountCents: 100,
      status: "canceled",
      initiatedAt: new Date(0),
      updatedAt: new Date(0),
      estimatedClearingAt: new Date(0),
      astraSettlementReason: null,
      failureReason: null,
    } as unknown as TransferRecord;
    expect(toWireTransfer(transfer).status).toBe("canceled");
    expect(() => toWireTransfer({ ...transfer, status: "cancelled" } as unknown as TransferRecord)).toThrow(/status/);
  });
});
