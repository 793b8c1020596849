"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/server-action";

/** `crypto.randomUUID` exists only in secure contexts. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Kept across a double click, changed after an answer or an edit (a different body under one key is an error),
 * but kept while the outcome is unconfirmed, so a retry lets Astra answer with what it made.
 */
export function useIdempotencyKey(state: ActionState, initialKey: string) {
  const [current, setCurrent] = useState({ state, key: initialKey });
  let key = current.key;
  if (current.state !== state) {
    const keep = state.status === "failed" && state.unconfirmed;
    key = keep ? current.key : newKey();
    setCurrent({ state, key });
  }
  // Until the outcome is known the key stays, edits or not: a second key could make a second object.
  const unconfirmed = state.status === "failed" && state.unconfirmed;
  const renew = () => {
    if (!unconfirmed) setCurrent((previous) => ({ state: previous.state, key: newKey() }));
  };
  return { key, renew };
}
