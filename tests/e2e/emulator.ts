// The emulator's control API (/sandbox, client Basic auth) for tests: reset, clock, tokens, faults, webhooks.
import { request, type APIRequestContext } from "@playwright/test";
import { CLIENT_ID, CLIENT_SECRET, EMULATOR_URL } from "./ports";

export class Emulator {
  private constructor(private readonly api: APIRequestContext) {}

  static async connect(): Promise<Emulator> {
    const api = await request.newContext({
      baseURL: EMULATOR_URL,
      extraHTTPHeaders: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}` },
    });
    return new Emulator(api);
  }

  private async call<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, data?: unknown): Promise<T> {
    const response = await this.api.fetch(path, { method, data });
    if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }

  reset = () => this.call("POST", "/sandbox/reset", {});
  advanceClock = (days: number) => this.call<{ today: string }>("POST", "/sandbox/clock/advance", { days });
  clock = () => this.call<{ today: string; now: string }>("GET", "/sandbox/clock");
  userIdByPhone = async (phone: string) => (await this.call<{ id: string }>("GET", `/sandbox/users?phone=${phone}`)).id;
  expireAccessToken = (userId: string) => this.call("POST", `/sandbox/users/${userId}/expire-access-token`);
  expireRefreshTokens = (userId: string) => this.call("POST", `/sandbox/users/${userId}/expire-refresh-tokens`);
  tokenGrants = (userId: string) =>
    this.call<{ authorization_code: number; refresh_token: number }>("GET", `/sandbox/users/${userId}/token-grants`);
  injectFault = (
    fault: { method: string; path: string; status?: number; delay_ms?: number } & (
      { count: number } | { window_ms: number }
    ),
  ) => this.call("POST", "/sandbox/faults", fault);
  clearFaults = () => this.call("DELETE", "/sandbox/faults");
  /** The app's Sandbox Settings for what Astra enables per client (packages/astra-emulator/docs/dashboard.md). */
  sandboxSettings = (settings: { debit_enabled?: boolean; instant_speeds_enabled?: boolean }) =>
    this.call("PATCH", "/sandbox/app", settings);
  webhooks = () => this.call<{ webhooks?: unknown[]; events?: unknown[] }>("GET", "/sandbox/webhooks?page_size=100");

  dispose = () => this.api.dispose();
}
