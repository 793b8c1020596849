// `npm run bench:visitors`: 100 concurrent visitors over the two-instance production demo (`npm run build` first).
// It starts what the multi-instance suite starts (tests/multi-instance: a throwaway Postgres, two `next start`
// instances in demo mode, the round-robin proxy) and sends visitors through it over plain HTTP, as a browser
// without JavaScript would: each presses "Try the demo", signs in through the module pages, creates a routine,
// advances their clock (dev tools) and reads every page. At most two minutes. It prints p50/p99 per page, errors,
// 5xx and cross-visitor reads (a page showing another visitor's routine name); it asserts nothing.
// Ports: MULTI_PORT (instances, proxy: +0..+2) and MULTI_PG_PORT, as the multi-instance suite.
import { randomBytes } from "node:crypto";
import { setDefaultResultOrder } from "node:dns";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { Instances } from "../tests/multi-instance/instances";
import {
  INSTANCE_PORTS,
  INSTANCE_URLS,
  MULTI_AUTH_SECRET,
  PG_PORT,
  PROXY_PORT,
  PROXY_URL,
} from "../tests/multi-instance/ports";
import { startRoundRobinProxy, TEST_CLIENT_IP_HEADER } from "../tests/multi-instance/round-robin-proxy";
import { startTestPostgres } from "../tests/support/postgres";

// The proxy listens on 127.0.0.1 while its public name is localhost (Next rewrites 127.0.0.1).
setDefaultResultOrder("ipv4first");

const DEADLINE_MS = 120_000;
const ROUTINE_PREFIX = "Bench visitor";
const MAX_REDIRECTS = 20;

// ---------------------------------------------------------------- HTML forms, as a browser without JS sees them

interface Form {
  action: string;
  method: string;
  multipart: boolean;
  /** Inputs, selects and textareas with their current values (checked radios and selected options only). */
  fields: [string, string][];
  /** Each submit button: its text, and its name and value when it has one. */
  buttons: { text: string; name?: string; value?: string }[];
  /** Names of the inputs left empty, and their types. */
  empty: { name: string; type: string }[];
  html: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}(?:=(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, "i").exec(tag);
  if (!match) return undefined;
  return decode(match[1] ?? match[2] ?? match[3] ?? "");
};
/** What a person reads: no scripts, styles or tags. */
const textOf = (html: string) =>
  decode(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();

function parseForms(html: string): Form[] {
  const forms: Form[] = [];
  for (const match of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const formHtml = match[0];
    const open = /<form\b[^>]*>/i.exec(formHtml)?.[0] ?? "";
    const form: Form = {
      action: attr(open, "action") ?? "",
      method: (attr(open, "method") ?? "GET").toUpperCase(),
      multipart: (attr(open, "enctype") ?? "").toLowerCase() === "multipart/form-data",
      fields: [],
      buttons: [],
      empty: [],
      html: formHtml,
    };
    for (const [tag] of formHtml.matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(tag, "name");
      const type = (attr(tag, "type") ?? "text").toLowerCase();
      if (type === "submit") {
        form.buttons.push({ text: attr(tag, "value") ?? "", name, value: attr(tag, "value") });
        continue;
      }
      if (!name || attr(tag, "disabled") !== undefined) continue;
      if ((type === "radio" || type === "checkbox") && attr(tag, "checked") === undefined) continue;
      const value = attr(tag, "value") ?? "";
      if (value === "" && type !== "hidden") form.empty.push({ name, type });
      else form.fields.push([name, value]);
    }
    for (const [, open2, body] of formHtml.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(open2 ?? "", "name");
      if (!name) continue;
      const options = [...(body ?? "").matchAll(/<option\b[^>]*>/gi)].map(([tag]) => tag);
      const chosen = options.find((tag) => attr(tag, "selected") !== undefined) ?? options[0];
      const value = chosen ? (attr(chosen, "value") ?? "") : "";
      if (value === "") form.empty.push({ name, type: "select" });
      else form.fields.push([name, value]);
    }
    for (const [, open2, body] of formHtml.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attr(open2 ?? "", "name");
      if (name) form.fields.push([name, decode(body ?? "")]);
    }
    for (const [, open2, body] of formHtml.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
      const type = (attr(open2 ?? "", "type") ?? "submit").toLowerCase();
      if (type !== "submit") continue;
      form.buttons.push({
        text: textOf(body ?? ""),
        name: attr(open2 ?? "", "name"),
        value: attr(open2 ?? "", "value"),
      });
    }
    forms.push(form);
  }
  return forms;
}

/** The select's option values (for picking two different accounts). */
function optionValues(form: Form, name: string): string[] {
  const select = new RegExp(`<select\\b[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`, "i").exec(form.html);
  return [...(select?.[1] ?? "").matchAll(/<option\b[^>]*>/gi)]
    .map(([tag]) => attr(tag, "value") ?? "")
    .filter(Boolean);
}

// ---------------------------------------------------------------- one visitor: a cookie jar and timed requests

interface Timing {
  page: string;
  ms: number;
  status: number;
}

interface Page {
  url: URL;
  status: number;
  html: string;
  /** Where a server action sent the visitor (Next's `x-action-redirect`). */
  redirect?: string | null;
}

/** A page's name in the report: ids replaced, so /routines/abc and /routines/def are one row. */
function pageName(method: string, url: URL): string {
  const path = url.pathname
    .replace(/\/(routines|accounts|transfers)\/(?!new$|linked$|link$)[^/]+/, "/$1/[id]")
    .replace(/\/emulator\/.*/, (emulatorPath) => emulatorPath.replace(/\/[0-9a-f-]{16,}/gi, "/[id]"));
  return `${method} ${path}`;
}

class Visitor {
  private cookies = new Map<string, string>();
  readonly timings: Timing[] = [];
  readonly problems: string[] = [];
  routineName = "";

  constructor(
    readonly index: number,
    private readonly clientIp: string,
  ) {}

  /** One request and its redirects, each timed on its own; answers the last page. */
  async request(url: string | URL, init: { method?: string; body?: BodyInit; headers?: Record<string, string> } = {}) {
    let target = new URL(url, PROXY_URL);
    let method = init.method ?? "GET";
    let body = init.body;
    let headers = init.headers ?? {};
    for (let hop = 0; hop < MAX_REDIRECTS; hop++) {
      const started = performance.now();
      const response = await fetch(target, {
        method,
        body,
        redirect: "manual",
        headers: {
          ...headers,
          cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
          // The proxy turns it into the address the instances trust, so each visitor counts as its own client.
          [TEST_CLIENT_IP_HEADER]: this.clientIp,
          ...(method === "POST" ? { origin: target.origin } : {}),
        },
        signal: AbortSignal.timeout(60_000),
      });
      const html = await response.text();
      this.timings.push({ page: pageName(method, target), ms: performance.now() - started, status: response.status });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(";");
        const at = pair!.indexOf("=");
        const name = pair!.slice(0, at).trim();
        const value = pair!.slice(at + 1).trim();
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === "") this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        target = new URL(location, target);
        // 307/308 keep the method and body; the rest become a GET.
        if (response.status !== 307 && response.status !== 308) {
          method = "GET";
          body = undefined;
          headers = {};
        }
        continue;
      }
      return { url: target, status: response.status, html, redirect: response.headers.get("x-action-redirect") };
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${String(url)}`);
  }

  /** Submits `form` as a browser would, with `values` over its own, pressing `button` (by its text) if given. */
  submit(page: Page, form: Form, values: Record<string, string> = {}, button?: Form["buttons"][number]) {
    const fields = new Map<string, string>(form.fields);
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    if (button?.name) fields.set(button.name, button.value ?? "");
    const target = new URL(form.action || page.url.href, page.url);
    if (form.method === "GET") {
      for (const [name, value] of fields) target.searchParams.set(name, value);
      return this.request(target);
    }
    if (form.multipart) {
      const data = new FormData();
      for (const [name, value] of fields) data.append(name, value);
      return this.request(target, { method: "POST", body: data });
    }
    return this.request(target, { method: "POST", body: new URLSearchParams([...fields]) });
  }

  expectOk(page: Page, what: string): Page {
    if (page.status >= 400) {
      const said = textOf(page.html).slice(0, 160);
      throw new Error(`${what}: ${page.status} at ${page.url.pathname}: ${said}`);
    }
    return page;
  }
}

/**
 * Walks the module's pages from the authorize redirect back to the app, pressing the forward button of each
 * page's form (never Deny or Cancel) and filling what is empty: a verification code from the page (or the
 * sandbox's), or a phone number. Kept in one place so a change of the module's pages is one change here.
 */
async function signInThroughModule(visitor: Visitor, start: Page): Promise<Page> {
  let page = start;
  for (let step = 0; step < 10; step++) {
    if (!page.url.pathname.startsWith("/emulator/")) return page;
    visitor.expectOk(page, "module page");
    const forms = parseForms(page.html).filter((form) => form.method === "POST");
    const forward = (form: Form) =>
      form.buttons.find((button) => !/deny|cancel|back|sign out|log out/i.test(button.text));
    const form = forms.find((candidate) => forward(candidate));
    if (!form) throw new Error(`module page ${page.url.pathname} has no form to go on with`);
    const values: Record<string, string> = {};
    for (const { name, type } of form.empty) {
      if (/code|otp/i.test(name)) values[name] = /\b(\d{6})\b/.exec(textOf(page.html))?.[1] ?? "123456";
      else if (/phone/i.test(name) || type === "tel") values[name] = `2025${String(visitor.index).padStart(6, "0")}`;
      else if (type === "checkbox") values[name] = "on";
    }
    page = await visitor.submit(page, form, values, forward(form));
  }
  throw new Error("the module did not hand the visitor back to the app within 10 pages");
}

/**
 * The routine form submits only through JavaScript (a server action called with useActionState's state and the
 * form's data), so this makes the call React would: the action's id from the page's RSC payload, then a POST
 * with `Next-Action` and the arguments encoded as React's encodeReply does ([state, FormData] as "0" and "_1_*").
 */
async function callFormAction(
  visitor: Visitor,
  page: Page,
  componentName: string,
  form: Form,
  values: Record<string, string>,
): Promise<Page> {
  const payload = page.html.replaceAll('\\"', '"');
  // The client component's import row ("22:I[…,\"RoutineForm\"]"), its element ("$L22" with its props), and the
  // server reference its `action` prop names ("$h23", row "23:{\"id\":…}").
  const component = new RegExp(`(?<![0-9a-f])([0-9a-f]+):I\\[\\d+,\\[[^\\]]*\\],"${componentName}"\\]`).exec(
    payload,
  )?.[1];
  const element = component === undefined ? -1 : payload.indexOf(`"$L${component}",null,{`);
  const reference = element < 0 ? undefined : /"action":"\$h([0-9a-f]+)"/.exec(payload.slice(element))?.[1];
  const actionId = reference && new RegExp(`(?<![0-9a-f])${reference}:\\{"id":"([0-9a-f]+)"`).exec(payload)?.[1];
  if (!actionId) throw new Error(`no server action found on ${page.url.pathname}`);
  const body = new FormData();
  for (const [name, value] of new Map([...form.fields, ...Object.entries(values)])) body.append(`_1_${name}`, value);
  // Last, as React sends it: the server reads the form's entries that came before the root.
  body.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const answer = await visitor.request(page.url, {
    method: "POST",
    body,
    headers: { "next-action": actionId, accept: "text/x-component" },
  });
  if (!answer.redirect)
    throw new Error(`the action answered ${answer.status} without a redirect: ${answer.html.slice(0, 200)}`);
  return visitor.request(answer.redirect.split(";")[0]!);
}

const SIGNED_IN_PAGES = ["/dashboard", "/accounts/linked", "/routines", "/routines/new", "/transfers"];

async function visit(visitor: Visitor): Promise<void> {
  const home = visitor.expectOk(await visitor.request("/"), "home");
  const tryForm = parseForms(home.html).find((form) =>
    form.buttons.some((button) => /try the demo/i.test(button.text)),
  );
  if (!tryForm) throw new Error('the home page has no "Try the demo" form');
  const afterModule = await signInThroughModule(visitor, await visitor.submit(home, tryForm));
  if (afterModule.url.pathname !== "/dashboard") {
    throw new Error(`signed in to ${afterModule.url.pathname} (${afterModule.status}), not /dashboard`);
  }

  const newRoutine = visitor.expectOk(await visitor.request("/routines/new"), "new routine");
  const routineForm = parseForms(newRoutine.html).find((form) =>
    form.fields.some(([name]) => name === "$idempotency_key"),
  );
  if (!routineForm) throw new Error("/routines/new has no routine form");
  const accounts = optionValues(routineForm, "source_id");
  if (accounts.length < 2) throw new Error("the visitor has fewer than two accounts");
  visitor.routineName = `${ROUTINE_PREFIX} ${visitor.index}-${randomBytes(4).toString("hex")}`;
  const created = await callFormAction(visitor, newRoutine, "RoutineForm", routineForm, {
    type: "one-time",
    name: visitor.routineName,
    source_id: accounts[0]!,
    destination_id: accounts[1]!,
    amount: "12.34",
  });
  visitor.expectOk(created, "create routine");
  if (!/^\/routines\/[^/]+$/.test(created.url.pathname) || !created.html.includes(visitor.routineName)) {
    throw new Error(`creating the routine ended on ${created.url.pathname} without its name`);
  }

  const advanced = await visitor.request("/api/dev-tools", {
    method: "POST",
    body: JSON.stringify({ action: "advance", days: 5 }),
    headers: { "content-type": "application/json" },
  });
  if (advanced.status !== 200) throw new Error(`dev tools advance: ${advanced.status} ${advanced.html.slice(0, 200)}`);

  for (const path of [...SIGNED_IN_PAGES, `/accounts/${accounts[0]}`, created.url.pathname]) {
    const page = visitor.expectOk(await visitor.request(path), path);
    for (const [seen] of page.html.matchAll(new RegExp(`${ROUTINE_PREFIX} \\d+-[0-9a-f]{8}`, "g"))) {
      if (seen !== visitor.routineName) visitor.problems.push(`cross-visitor read: ${path} showed "${seen}"`);
    }
  }
}

// ---------------------------------------------------------------- the run and its report

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function main() {
  const { values } = parseArgs({ options: { visitors: { type: "string", default: "100" } } });
  const count = Number(values.visitors);
  if (!Number.isInteger(count) || count < 1) throw new Error("--visitors must be a positive whole number");
  if (!existsSync(".next/BUILD_ID"))
    throw new Error("bench:visitors runs the production build: run `npm run build` first.");

  const postgres = await startTestPostgres(PG_PORT);
  const instances = new Instances({
    ports: INSTANCE_PORTS,
    databaseUrl: postgres.url,
    authSecret: MULTI_AUTH_SECRET,
  });
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined;
  try {
    await instances.start();
    proxy = await startRoundRobinProxy(INSTANCE_URLS, PROXY_PORT);
    console.log(
      `${count} visitors over ${INSTANCE_URLS.length} instances behind ${PROXY_URL}, at most ${DEADLINE_MS / 1000} s`,
    );

    const visitors = Array.from(
      { length: count },
      (_, i) => new Visitor(i, `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`),
    );
    const failures: string[] = [];
    const started = performance.now();
    let timedOut = false;
    const deadline = new Promise<void>((resolve) =>
      setTimeout(() => {
        timedOut = true;
        resolve();
      }, DEADLINE_MS).unref(),
    );
    let completed = 0;
    const runs = visitors.map((visitor) =>
      visit(visitor).then(
        () => {
          completed += 1;
        },
        (error: unknown) => {
          failures.push(`visitor ${visitor.index}: ${error instanceof Error ? error.message : String(error)}`);
        },
      ),
    );
    await Promise.race([Promise.all(runs), deadline]);
    const seconds = (performance.now() - started) / 1000;

    const byPage = new Map<string, number[]>();
    let requests = 0;
    let serverErrors = 0;
    for (const { page, ms, status } of visitors.flatMap((visitor) => visitor.timings)) {
      requests += 1;
      if (status >= 500) serverErrors += 1;
      byPage.set(page, [...(byPage.get(page) ?? []), ms]);
    }
    console.log(`\n${"page".padEnd(52)} ${"count".padStart(6)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}`);
    for (const [page, times] of [...byPage].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = times.sort((a, b) => a - b);
      console.log(
        `${page.slice(0, 52).padEnd(52)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 99).toFixed(0).padStart(8)}`,
      );
    }
    const crossReads = visitors.flatMap((visitor) => visitor.problems);
    const cutOff = count - completed - failures.length;
    console.log(
      `\nvisitors: ${count}, completed: ${completed}${timedOut ? `, cut off at the deadline: ${cutOff}` : ""}`,
    );
    console.log(`requests: ${requests} in ${seconds.toFixed(1)} s, served per instance: ${proxy.served.join(" / ")}`);
    console.log(`errors: ${failures.length}`);
    console.log(`5xx: ${serverErrors}`);
    console.log(`cross-visitor reads: ${crossReads.length}`);
    for (const line of [...failures, ...crossReads].slice(0, 15)) console.log(`  ${line}`);
  } finally {
    await proxy?.close();
    await instances.stop();
    await postgres.stop();
  }
}

await main();
process.exit(0);
