"use client";

import { useState } from "react";
import type { ActionState } from "@/lib/server-action";

/** A random key; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The Idempotency-Key a form sends. It is made when the page renders and kept across a double click or a
 * resubmit, so Astra creates one object. After an answer it changes, unless the server could not confirm the
 * outcome (a timeout, 5xx or 409): then a retry must send the same key, so Astra answers with what it made
 * instead of making a second one.
 * Editing the form also changes it, because a different body under the same key is an error, except while the
 * outcome is unconfirmed: then Astra's 409 for the changed body leads the server to look the first one up.
 */
export function useIdempotencyKey(state: ActionState, initialKey: string) {
  const [current, setCurrent] = useState({ state, key: initialKey });
  let key = current.key;
  if (current.state !== state) {
    const keep = state.status === "failed" && state.unconfirmed;
    key = keep ? current.key : newKey();
    // Adjusting state while rendering, as React documents, instead of in an effect after a stale paint.
    setCurrent({ state, key });
  }
  // Until the outcome is known the key stays, edits or not: a second key could make a second object.
  const unconfirmed = state.status === "failed" && state.unconfirmed;
  const renew = () => {
    if (!unconfirmed) setCurrent((previous) => ({ state: previous.state, key: newKey() }));
  };
  return { key, renew };
}
