/** @jsxImportSource hono/jsx */
// The document around every emulator page (module pages and dashboard): language, viewport, no indexing,
// the page's title and its stylesheet.
import { useContext, type Child } from "hono/jsx";
import { raw } from "hono/html";
import { CspNonce } from "../lib/security-headers";

export function HtmlDocument(props: { title: string; css: string; children: Child }) {
  return (
    <>
      {raw("<!doctype html>")}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{props.title}</title>
          <style nonce={useContext(CspNonce)}>{raw(props.css)}</style>
        </head>
        <body>{props.children}</body>
      </html>
    </>
  );
}
