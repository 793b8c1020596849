import type { JWT } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { encodeSession, sessionCookieName } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { defineSignedInAction, type ActionState } from "@/lib/server-action";

// The session is read from the request's cookies, as in a real action: none, a broken one, or a valid one.
const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => jar.cookies, set: () => undefined, delete: () => undefined }),
}));

const schema = z.object({ note: z.string().min(1) });

function form(note = "hello"): FormData {
  const data = new FormData();
  data.set("note", note);
  return data;
}

async function run() {
  const handler = vi.fn(async (): Promise<ActionState> => ({ status: "ok", message: "done" }));
  const state = await defineSignedInAction(schema, handler)({ status: "idle" }, form());
  return { state, handler };
}

async function signIn(claims: Partial<JWT>) {
  const name = sessionCookieName(getEnv());
  const token: JWT = { astraUserId: "usr_1", status: "approved", ...claims };
  jar.cookies = [{ name, value: await encodeSession(token, getEnv(), name) }];
}

describe("defineSignedInAction", () => {
  it("never runs the handler without a session, and answers as a refused Astra call does", async () => {
    jar.cookies = [];
    const { state, handler } = await run();
    expect(handler).not.toHaveBeenCalled();
    expect(state).toMatchObject({ status: "failed", kind: "unauthorized", unconfirmed: false });
  });

  it("never runs the handler for a forged cookie or a session whose refresh failed", async () => {
    jar.cookies = [{ name: sessionCookieName(getEnv()), value: "forged" }];
    expect((await run()).handler).not.toHaveBeenCalled();
    await signIn({ accessToken: "tok", error: "RefreshTokenError" });
    expect((await run()).handler).not.toHaveBeenCalled();
  });

  it("runs the handler for a signed-in person, and its callAstra carries their token", async () => {
    await signIn({ accessToken: "tok_signed_in", expiresAt: Math.floor(Date.now() / 1000) + 3600 });
    let token: string | undefined;
    const state = await defineSignedInAction(schema, async ({ note }, { callAstra }) => {
      token = await callAstra(async (accessToken) => accessToken);
      return { status: "ok", message: note };
    })({ status: "idle" }, form("saved"));
    expect(state).toEqual({ status: "ok", message: "saved" });
    expect(token).toBe("tok_signed_in");
  });
});
