// Which addresses count as "this machine or its private network": the emulator listens on loopback unless
// EMULATOR_HOST opens it, and only then may it send webhooks to private addresses (a hosted emulator must not
// become a way to reach its own network).
import { isIP } from "node:net";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True for a listen address or Host name that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.has(name) || name.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function isPrivateIpv4(address: string): boolean {
  const [a = 0, b = 0] = address.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, including cloud metadata services
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function isPrivateIpv6(address: string): boolean {
  const name = address.toLowerCase();
  if (name === "::" || name === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(name)?.[1];
  if (mapped) return isPrivateIpv4(mapped);
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(name)) return true; // a mapped IPv4 address, as URL writes it
  return /^f[cd][0-9a-f]{2}:/.test(name) || /^fe[89ab][0-9a-f]:/.test(name); // unique local, link-local
}

/**
 * True when the URL's host is a loopback, private or link-local address, or a name reserved for them. The URL
 * parser has already turned forms such as http://2130706433/ into 127.0.0.1. Names that resolve to private
 * addresses through DNS are not caught here (see packages/astra-emulator/README.md, Security).
 */
export function isPrivateUrl(value: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(value).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (isIP(bare) === 4) return isPrivateIpv4(bare);
  if (isIP(bare) === 6) return isPrivateIpv6(bare);
  return isLoopbackHost(bare) || /\.(local|internal|home\.arpa)$/.test(bare);
}

export interface WebhookTargets {
  loopbackOnly: boolean;
  /** Hosted mode: the origins of the app the emulator runs in, which may be private (demo mode on localhost). */
  ownOrigins?: readonly string[];
}

const sameOrigin = (url: string, origins: readonly string[]) =>
  origins.some((origin) => URL.canParse(origin) && new URL(origin).origin === new URL(url).origin);

/**
 * Why this webhook URL may not be used, or null when it may: private targets are fine while the emulator runs
 * on loopback (everything is on the developer's machine anyway), refused once it is reachable from outside,
 * except the app that hosts the emulator: its own webhook receiver is no way into anyone's network.
 */
export function webhookUrlProblem(url: string, { loopbackOnly, ownOrigins = [] }: WebhookTargets): string | null {
  if (loopbackOnly || !isPrivateUrl(url) || sameOrigin(url, ownOrigins)) return null;
  return `"${url}" points at a private, link-local or loopback address. This emulator is reachable from the network, so it only sends webhooks to public addresses.`;
}

/** The same rule as a zod refinement on a form's `webhook_url` field (dashboard settings). */
export function refusePrivateWebhook(targets: WebhookTargets) {
  return (
    form: { webhook_url: string | null },
    ctx: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void },
  ) => {
    const problem = form.webhook_url ? webhookUrlProblem(form.webhook_url, targets) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["webhook_url"], message: problem });
  };
}
