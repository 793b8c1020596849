"use client";

import { useState } from "react";
import type { AstraErrorKind } from "@/lib/astra/errors";
import type { ActionState } from "@/lib/server-action";

/** Failures after which Astra may still have done the work: a retry must reuse the Idempotency-Key. */
export const MAY_HAVE_HAPPENED_KINDS: readonly AstraErrorKind[] = ["unavailable", "rate_limited", "bad_response"];

/** A random key; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * The Idempotency-Key a form sends. It is made when the page renders and kept across a double click or a
 * resubmit, so Astra creates one object. After an answer it changes, unless the attempt may have happened
 * anyway (a timeout or 5xx): then a retry must send the same key, and Astra answers with what it made.
 * Editing the form also changes it, because a different body under the same key is an error.
 */
export function useIdempotencyKey(state: ActionState, initialKey: string) {
  const [current, setCurrent] = useState({ state, key: initialKey });
  let key = current.key;
  if (current.state !== state) {
    const keep = state.status === "failed" && MAY_HAVE_HAPPENED_KINDS.includes(state.kind);
    key = keep ? current.key : newKey();
    // Adjusting state while rendering, as React documents, instead of in an effect after a stale paint.
    setCurrent({ state, key });
  }
  const renew = () => setCurrent((previous) => ({ state: previous.state, key: newKey() }));
  return { key, renew };
}
