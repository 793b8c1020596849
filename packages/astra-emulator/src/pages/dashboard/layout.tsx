/** @jsxImportSource hono/jsx */
// The developer dashboard's shell: header with the signed-in email and Log out, an app switcher and tabs.
// The same base stylesheet as the module pages (pages/base-styles.ts), laid out wider for tables.
import { useContext, type Child } from "hono/jsx";
import { raw } from "hono/html";
import { CspNonce } from "../../lib/security-headers";
import { BASE_CSS } from "../base-styles";
import { HtmlDocument } from "../html-document";
import { useHref } from "../../lib/base-path";

// The dashboard's own layout on top of the shared base: a wide page of cards and tables.
const CSS = `${BASE_CSS}
.site-header { gap: 0.75rem; flex-wrap: wrap; }
.brand { font-weight: 700; color: var(--ink); text-decoration: none; }
.account { margin-left: auto; display: flex; align-items: center; gap: 0.75rem; color: var(--muted); }
.account form { margin: 0; }
.app-bar { background: var(--surface); border-bottom: 1px solid var(--line); padding: 0 1.25rem; }
.app-bar .inner { max-width: 64rem; margin: 0 auto; display: flex; align-items: flex-end; gap: 1.5rem; flex-wrap: wrap; }
details.switcher { padding: 0.75rem 0; position: relative; }
details.switcher summary { cursor: pointer; font-weight: 700; list-style: none; display: inline-flex; gap: 0.375rem;
  align-items: center; padding: 0.25rem 0.625rem; border: 1px solid var(--line); border-radius: 8px; }
details.switcher summary::-webkit-details-marker { display: none; }
details.switcher summary::after { content: ""; width: 0.45rem; height: 0.45rem; border-right: 2px solid currentColor;
  border-bottom: 2px solid currentColor; transform: rotate(45deg) translateY(-2px); }
details.switcher[open] summary::after { transform: rotate(-135deg) translateY(-2px); }
details.switcher ul { position: absolute; z-index: 1; background: var(--surface); border: 1px solid var(--line); border-radius: 8px;
  list-style: none; margin: 0.25rem 0 0; padding: 0.375rem 0; min-width: 16rem; box-shadow: 0 4px 12px var(--shadow-strong); }
details.switcher li a { display: block; padding: 0.375rem 0.875rem; color: var(--ink); text-decoration: none; }
details.switcher li a:hover { background: var(--hover); }
nav.tabs ul { display: flex; gap: 0.25rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
nav.tabs a { display: block; padding: 0.75rem 0.875rem; color: var(--muted); text-decoration: none; font-weight: 600;
  border-bottom: 3px solid transparent; }
nav.tabs a[aria-current="page"] { color: var(--brand); border-bottom-color: var(--brand); }
main { max-width: 64rem; margin: 2rem auto; padding: 0 1.25rem; }
main.narrow { max-width: 27rem; background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 2rem;
  box-shadow: 0 1px 3px var(--shadow); margin-top: 2.5rem; }
section.card { background: var(--surface); border: 1px solid var(--line); border-radius: 12px; padding: 1.5rem;
  margin-bottom: 1.5rem; box-shadow: 0 1px 3px var(--shadow); overflow-x: auto; position: relative; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 1rem; }
h2 { font-size: 1.125rem; margin: 0 0 0.75rem; }
label.check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
input, textarea, select { padding: 0.5rem 0.75rem; }
input[type="checkbox"] { width: auto; }
textarea { min-height: 6rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9375rem; }
[aria-invalid="true"] { border: 2px solid var(--danger); }
button, .button { display: inline-block; padding: 0.55rem 1rem; }
button.danger { background: var(--danger); border-color: var(--danger); }
button.link { background: none; border: 0; color: var(--brand); padding: 0; font-weight: 600; text-decoration: underline; }
main.narrow button[type="submit"] { width: 100%; }
.spaced { margin-top: 1rem; }
section.card.spaced { margin-top: 1.5rem; }
td form { margin: 0; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.875rem; word-break: break-all; }
td code, td.mono, .nowrap, .nowrap code { white-space: nowrap; word-break: normal; }
.copy { margin-left: 0.5rem; padding: 0.125rem 0.5rem; font-size: 0.8125rem; }
dl.keys { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1rem; margin: 0 0 1rem; }
dl.keys dt { font-weight: 600; }
dl.keys dd { margin: 0; }
.status { font-weight: 600; }
.status.delivered { color: var(--ok); }
.status.given_up { color: var(--danger); }
.status.pending { color: var(--pending); }
.attempts { margin: 0; padding-left: 1.1rem; color: var(--muted); font-size: 0.875rem; }
.row { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
.pager { display: flex; gap: 1rem; align-items: center; justify-content: space-between; margin-top: 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

// Copy buttons are rendered hidden and only shown where the Clipboard API exists; the page works without them.
const COPY_SCRIPT = `
if (navigator.clipboard) for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    await navigator.clipboard.writeText(source.textContent.trim());
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 2000);
  });
}`;

export type DashboardTab = "settings" | "links" | "users" | "webhooks";

const TABS: { tab: DashboardTab; label: string; suffix: string }[] = [
  { tab: "settings", label: "Settings", suffix: "" },
  { tab: "links", label: "Link generator", suffix: "/links" },
  { tab: "users", label: "Users", suffix: "/users" },
  { tab: "webhooks", label: "Webhooks", suffix: "/webhooks" },
];

export interface AppRef {
  clientId: string;
  name: string;
}

/** What the header and navigation need: who is signed in, their apps, and where they are. */
export interface Chrome {
  email: string;
  /** The developer's first and last name; empty for accounts made before sign-up asked for it. */
  name: string;
  apps: AppRef[];
  current?: { app: AppRef; tab: DashboardTab };
}

export const appPath = (clientId: string, suffix = "") => `/dashboard/apps/${encodeURIComponent(clientId)}${suffix}`;

function AppBar(props: { chrome: Chrome }) {
  const href = useHref();
  const current = props.chrome.current;
  if (!current) return null;
  return (
    <div class="app-bar">
      <div class="inner">
        <details class="switcher">
          <summary>
            <span class="visually-hidden">Application: </span>
            {current.app.name}
          </summary>
          <ul aria-label="Switch application">
            {props.chrome.apps.map((app) => (
              <li key={app.clientId}>
                <a href={href(appPath(app.clientId))}>{app.name}</a>
              </li>
            ))}
            <li>
              <a href={href("/dashboard")}>All applications</a>
            </li>
          </ul>
        </details>
        <nav class="tabs" aria-label="Application">
          <ul>
            {TABS.map(({ tab, label, suffix }) => (
              <li key={tab}>
                <a
                  href={href(appPath(current.app.clientId, suffix))}
                  aria-current={tab === current.tab ? "page" : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}

export function DashboardLayout(props: { title: string; chrome?: Chrome; narrow?: boolean; children: Child }) {
  const href = useHref();
  return (
    <HtmlDocument title={`${props.title} · Astra Sandbox Dashboard`} css={CSS}>
      <header class="site-header">
        <a class="brand" href={href("/dashboard")}>
          Astra Sandbox Dashboard
        </a>
        <span class="badge">Emulator</span>
        {props.chrome ? (
          <div class="account">
            <span>{props.chrome.name ? `${props.chrome.name} · ${props.chrome.email}` : props.chrome.email}</span>
            <form method="post" action={href("/dashboard/logout")}>
              <button type="submit" class="secondary">
                Log out
              </button>
            </form>
          </div>
        ) : null}
      </header>
      {props.chrome ? <AppBar chrome={props.chrome} /> : null}
      <main class={props.narrow ? "narrow" : undefined}>{props.children}</main>
      <script nonce={useContext(CspNonce)}>{raw(COPY_SCRIPT)}</script>
    </HtmlDocument>
  );
}

/** An error message tied to its input through aria-describedby; several messages render as one list. */
export const FieldErrors = (props: { id: string; messages: string[] | undefined }) =>
  props.messages && props.messages.length > 0 ? (
    <div id={props.id} class="error">
      {props.messages.length === 1 ? (
        props.messages[0]
      ) : (
        <ul>
          {props.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  ) : null;

/** aria attributes of an input that may have errors, with an optional hint id. */
export function describedBy(id: string, errors: string[] | undefined, hint = false) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean);
  return {
    "aria-invalid": errors?.length ? ("true" as const) : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  };
}

export const formatTime = (date: Date) => (
  <time datetime={date.toISOString()}>{`${date.toISOString().slice(0, 16).replace("T", " ")} UTC`}</time>
);

/** A whole page with one message, e.g. the 404 for an app that is not yours. */
export function MessagePage(props: {
  title: string;
  message: string;
  chrome?: Chrome;
  link?: { href: string; label: string };
}) {
  const href = useHref();
  return (
    <DashboardLayout title={props.title} chrome={props.chrome} narrow>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.link ? <a href={href(props.link.href)}>{props.link.label}</a> : null}
    </DashboardLayout>
  );
}

/** The redirect URIs textarea, the same on "Create application" and on an app's settings. */
export function RedirectUrisField(props: { value: string | undefined; errors: string[] | undefined }) {
  return (
    <div class="field">
      <label for="redirect_uris">Redirect URIs</label>
      <p id="redirect_uris-hint" class="hint">
        One per line (press Enter between them). Absolute http(s) URLs without a #fragment; the module matches them
        exactly. You can change them here at any time.
      </p>
      <textarea id="redirect_uris" name="redirect_uris" required {...describedBy("redirect_uris", props.errors, true)}>
        {props.value}
      </textarea>
      <FieldErrors id="redirect_uris-error" messages={props.errors} />
    </div>
  );
}

/** A "Copy" button for the text of the element `target`; hidden until the script finds a clipboard. */
export const CopyButton = (props: { target: string; label: string }) => (
  <button type="button" class="secondary copy" data-copy={props.target} aria-label={props.label} hidden>
    Copy
  </button>
);

/** The application's name, the same on "Create application" and on an app's settings. */
export const AppNameField = (props: { value: string; errors: string[] | undefined }) => (
  <div class="field">
    <label for="name">Name of your application</label>
    <input id="name" name="name" required maxlength={80} value={props.value} {...describedBy("name", props.errors)} />
    <FieldErrors id="name-error" messages={props.errors} />
  </div>
);

/** Astra's "support email or URL" field. */
export const SupportField = (props: { value: string; errors: string[] | undefined }) => (
  <div class="field">
    <label for="support_email">Support email or URL</label>
    <p id="support_email-hint" class="hint">
      Where your users can get help, e.g. support@example.com or https://example.com/help.
    </p>
    <input
      id="support_email"
      name="support_email"
      value={props.value}
      {...describedBy("support_email", props.errors, true)}
    />
    <FieldErrors id="support_email-error" messages={props.errors} />
  </div>
);
