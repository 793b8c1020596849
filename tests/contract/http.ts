// Plain HTTP to the target: the suite's only way to talk to Astra or the emulator.
import { target } from "./target";

export type Reply = {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
};

type Auth = { bearer: string } | { basic: readonly [string, string] } | "client" | "none";

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

function authorization(auth: Auth): string | undefined {
  if (auth === "none") return undefined;
  if (auth === "client") return basic(target().clientId, target().clientSecret);
  if ("bearer" in auth) return `Bearer ${auth.bearer}`;
  return basic(...auth.basic);
}

export async function call(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  {
    auth,
    json,
    form,
    query,
  }: { auth: Auth; json?: unknown; form?: Record<string, string>; query?: Record<string, string> },
): Promise<Reply> {
  const url = new URL(path, target().apiUrl);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers({ accept: "application/json" });
  const value = authorization(auth);
  if (value) headers.set("authorization", value);
  let body: string | undefined;
  if (json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(json);
  } else if (form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(form).toString();
  }
  const response = await fetch(url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: parsed };
}

/** For failure messages: what came back, without any token in it. */
export function show(reply: Reply): string {
  return `${reply.status} ${reply.text.slice(0, 500).replace(/"(access_token|refresh_token)":\s*"[^"]*"/g, '"$1":"…"')}`;
}
