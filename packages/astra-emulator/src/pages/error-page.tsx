/** @jsxImportSource hono/jsx */
// Shown when the module cannot go on: it cannot trust the request enough to redirect back (bad client or
// redirect_uri, a phone that does not match), or the person may not do what they asked.
import { Layout } from "./layout";
import { useHref } from "../lib/base-path";

export function ErrorPage(props: {
  title: string;
  message: string;
  fix: string;
  /** A page of this emulator, as a root path (`/dashboard/…`); the base path is added here. */
  link?: { href: string; label: string };
}) {
  const href = useHref();
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p class="alert" role="alert">
        {props.message}
      </p>
      <p>{props.fix}</p>
      {props.link ? (
        <p>
          <a href={href(props.link.href)}>{props.link.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** Not an error: nothing to do here, with the way back to the app (an absolute URL: its redirect URI). */
export function NoticePage(props: { title: string; message: string; link: { href: string; label: string } }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href={props.link.href}>{props.link.label}</a>
      </p>
    </Layout>
  );
}
