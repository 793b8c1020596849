import { describe, expect, it } from "vitest";
import {
  AstraError,
  browserDetail,
  kindForStatus,
  mayHaveHappened,
  userMessage,
  type ErrorAudience,
} from "@/lib/astra/errors";

const noAnswer = new AstraError({ kind: "unavailable", status: 0, message: "Could not reach Astra" });
const fiveHundred = (requestId: string | null) =>
  new AstraError({ kind: "unavailable", status: 503, message: "down", requestId });

const emulator: ErrorAudience = { astraEnv: "emulator", nodeEnv: "development" };
const sandboxDev: ErrorAudience = { astraEnv: "sandbox", nodeEnv: "development" };
const live: ErrorAudience = { astraEnv: "production", nodeEnv: "production" };

describe("userMessage", () => {
  it("in emulator mode, says the emulator is not running and how to start it", () => {
    const words = userMessage(noAnswer, emulator);
    expect(words.title).toBe("The emulator is not running");
    expect(words.action).toContain("npm run dev");
    expect(words.action).toContain("npm run emulator");
    expect(words.action).not.toContain("support");
  });

  it("against Astra in development, names Astra and what to check", () => {
    const words = userMessage(noAnswer, sandboxDev);
    expect(words.title).toBe("Astra is not reachable");
    expect(words.action).toContain("ASTRA_API_URL");
    expect(words.action).not.toContain("emulator");
  });

  it("in production, tells the person to try again, without configuration or support advice", () => {
    const words = userMessage(noAnswer, live);
    expect(words.title).toBe("Astra is not reachable right now");
    expect(words.action).toBe("Try again in a moment.");
  });

  it("sends people to Astra support only with a request id to quote, and never for the emulator", () => {
    expect(userMessage(fiveHundred("req-1"), live).action).toContain("quote the request id to Astra support");
    expect(userMessage(fiveHundred(null), live).action).not.toContain("support");
    expect(userMessage(fiveHundred("req-1"), emulator).action).not.toContain("support");
  });

  it("keeps the kind's own words for other failures", () => {
    const expired = new AstraError({ kind: "unauthorized", status: 401, message: "expired" });
    expect(userMessage(expired, emulator).title).toBe("Your Astra authorization has expired");
  });
});

describe("a 501 (what the emulator does not emulate)", () => {
  const notEmulated = () =>
    new AstraError({ kind: kindForStatus(501), status: 501, message: "Not emulated: GET /v1/x" });

  it("is a refusal, not an outage: Astra's words reach the person and nothing may have happened", () => {
    expect(kindForStatus(501)).toBe("invalid_request");
    expect(kindForStatus(503)).toBe("unavailable");
    expect(userMessage(notEmulated(), emulator).title).toBe("Astra could not accept that request");
    expect(browserDetail(notEmulated())).toBe("Not emulated: GET /v1/x");
    expect(mayHaveHappened(notEmulated())).toBe(false);
    expect(mayHaveHappened(fiveHundred(null))).toBe(true);
  });
});
