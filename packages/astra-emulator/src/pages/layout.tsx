/** @jsxImportSource hono/jsx */
// The shell of every hosted page: a tidy, accessible card under an "Astra Sandbox" header.
import type { Child } from "hono/jsx";
import { BASE_CSS } from "./base-styles";
import { HtmlDocument } from "./html-document";

// The module's own layout on top of the shared base: one narrow card.
const CSS = `${BASE_CSS}
.site-header { gap: 0.5rem; font-weight: 700; }
main { max-width: 27rem; margin: 2.5rem auto; background: var(--surface); border: 1px solid var(--line);
  border-radius: 12px; padding: 2rem; box-shadow: 0 1px 3px var(--shadow); }
@media (max-width: 30rem) { main { margin: 0; border-radius: 0; border-left: 0; border-right: 0; } }
h1 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 0.75rem; }
li { color: var(--muted); }
ul { padding-left: 1.25rem; margin: 0 0 1rem; }
input { padding: 0.625rem 0.75rem; }
input[readonly] { background: var(--surface-soft); }
input[aria-invalid="true"] { border: 2px solid var(--danger); }
.actions { display: grid; gap: 0.75rem; }
button { width: 100%; padding: 0.7rem 1rem; }
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
legend { font-weight: 600; margin-bottom: 0.5rem; }
.choice { display: flex; gap: 0.75rem; align-items: flex-start; border: 1px solid var(--line); border-radius: 8px;
  padding: 0.75rem; margin-bottom: 0.5rem; font-weight: 400; cursor: pointer; }
.choice input { width: auto; margin: 0.25rem 0 0; accent-color: var(--brand); }
.choice strong { display: block; color: var(--ink); }
.choice span { color: var(--muted); font-size: 0.9375rem; }
input[type="file"] { padding: 0.5rem; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.75rem; }
code { font-size: 0.9375rem; }
`;

export function Layout(props: { title: string; children: Child }) {
  return (
    <HtmlDocument title={`${props.title} · Astra Sandbox`} css={CSS}>
      <header class="site-header">
        <span>Astra Sandbox</span>
        <span class="badge">Emulator</span>
      </header>
      <main>{props.children}</main>
    </HtmlDocument>
  );
}

/** The hidden field that carries the module session id through every step. */
export const SessionField = (props: { sessionId: string }) => (
  <input type="hidden" name="session_id" value={props.sessionId} />
);

/** An error message tied to its input through aria-describedby. */
export const FieldError = (props: { id: string; message: string | undefined }) =>
  props.message ? (
    <p id={props.id} class="error">
      {props.message}
    </p>
  ) : null;
