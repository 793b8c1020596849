// A per-address or per-user limit a request ran into. Thrown inside the transaction that would have gone past it,
// so nothing of that step is written; the app's error handler answers 429 (or `status`) with this message.
export class LimitReachedError extends Error {
  constructor(
    message: string,
    /** How long until trying again can succeed; null when only removing something frees room. */
    readonly retryAfterMs: number | null,
    readonly status: 409 | 429 = 429,
  ) {
    super(message);
    this.name = "LimitReachedError";
  }
}
