// Caps on open live-update streams per user and per address; a slot whose instance died lapses after SLOT_TTL_MS.
import "server-only";

export const MAX_STREAMS_PER_USER = 5;
export const MAX_STREAMS_PER_ADDRESS = 20;
export const SLOT_TTL_MS = 60_000;

export type SlotRefusal = "user" | "address";

export type StreamSlots = {
  acquire(userId: string, address: string): Promise<{ ok: true; id: string } | { ok: false; refusal: SlotRefusal }>;
  renew(id: string): Promise<void>;
  release(id: string): Promise<void>;
};

type Slot = { userId: string; address: string; expiresAt: number };

export function createMemoryStreamSlots(now: () => number = Date.now): StreamSlots {
  const slots = new Map<string, Slot>();
  return {
    async acquire(userId, address) {
      const at = now();
      for (const [id, slot] of slots) if (slot.expiresAt <= at) slots.delete(id);
      const held = [...slots.values()];
      if (held.filter((slot) => slot.userId === userId).length >= MAX_STREAMS_PER_USER) {
        return { ok: false, refusal: "user" };
      }
      if (held.filter((slot) => slot.address === address).length >= MAX_STREAMS_PER_ADDRESS) {
        return { ok: false, refusal: "address" };
      }
      const id = crypto.randomUUID();
      slots.set(id, { userId, address, expiresAt: at + SLOT_TTL_MS });
      return { ok: true, id };
    },
    async renew(id) {
      const slot = slots.get(id);
      if (slot) slot.expiresAt = now() + SLOT_TTL_MS;
    },
    async release(id) {
      slots.delete(id);
    },
  };
}
