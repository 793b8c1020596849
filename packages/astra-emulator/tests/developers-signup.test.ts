// Two sign-ups for one email (in any case) at once make one account; the other is told the email is taken
// rather than failing on the unique index. (In one SQLite process the two never interleave; on Postgres the
// check and the insert share one transaction for that.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store";
import { createTestStore } from "./support/test-store";

const NOW = new Date("2026-12-01T18:00:00Z");
const signup = (email: string) => ({ email, password: "correct horse battery", firstName: "Ada", lastName: "Dev" });

describe("developer sign-up", () => {
  let store: Store;
  beforeEach(() => {
    store = createTestStore();
  });
  afterEach(() => store.close());

  it("makes one account when two sign-ups for one email arrive at once, and refuses the other", async () => {
    const results = await Promise.all([
      store.developers.signUp(signup("race@example.com"), NOW),
      store.developers.signUp(signup("Race@Example.com"), NOW),
    ]);

    expect(results.filter((developer) => developer === null)).toHaveLength(1);
    const made = results.find((developer) => developer !== null);
    expect(made?.email).toBe("race@example.com");
    expect((await store.developers.logIn("race@example.com", "correct horse battery"))?.id).toBe(made?.id);
  });
});
