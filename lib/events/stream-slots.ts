// How many live-update streams may be open at once, per signed-in user and per client address. Each open stream
// holds a slot that it renews while it lives and gives back when it ends; a slot whose instance died lapses after
// SLOT_TTL_MS. One interface, two stores (lib/db/app-state.ts): this process's memory, or a Postgres table every
// instance counts in (stream-slots-postgres.ts), so the caps hold across instances.
import "server-only";

/** Astra keeps one live authorization per user and app, so this is one session's tabs. */
export const MAX_STREAMS_PER_USER = 5;
/** Every visitor behind one address (an IPv6 /64) together. */
export const MAX_STREAMS_PER_ADDRESS = 20;
/** A slot not renewed for this long is free again (a stream renews it at every session check, 25 s). */
export const SLOT_TTL_MS = 60_000;

export type SlotRefusal = "user" | "address";

export type StreamSlots = {
  /** A slot for one more stream of `userId` from `address` (an address key), or which cap refused it. */
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
