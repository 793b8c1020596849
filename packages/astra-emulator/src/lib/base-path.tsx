/** @jsxImportSource hono/jsx */
// Where the emulator is mounted: "" on its own port, "/emulator" inside the Next app. Routing always sees
// stripped paths (packages/astra-emulator/src/hosted.ts strips the prefix), so only what the emulator writes for a browser (links,
// form actions, redirects, cookie paths) goes through these helpers.
import type { Context } from "hono";
import { createContext, useContext, type Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { CspNonce, pagePolicy } from "./security-headers";

declare module "hono" {
  interface ContextVariableMap {
    /** Set once per request by `basePathVariable`; read through `href`. */
    basePath: string;
  }
}

/** Pages read the base path from here; `renderPage` provides it around every page. */
const BasePath = createContext("");

/** Puts the mount's base path on every request's context. */
export const basePathVariable = (basePath: string) => async (c: Context, next: () => Promise<void>) => {
  c.set("basePath", basePath);
  await next();
};

/** A root path of the emulator (`/dashboard`) as the browser must see it (`/emulator/dashboard`). */
export const href = (c: Context, path: string): string => `${c.get("basePath")}${path}`;

/** The same path as an absolute URL on the origin this request came to, e.g. for module links. */
export const absoluteHref = (c: Context, path: string): string => `${new URL(c.req.url).origin}${href(c, path)}`;

/** A cookie path under the mount: `/` becomes `/emulator`, so no cookie of the emulator reaches the app's routes. */
export const cookiePath = (c: Context, path: string): string => href(c, path).replace(/(.)\/$/, "$1");

/** In a page component: the function that turns an emulator root path into the browser's path. */
export function useHref(): (path: string) => string {
  const basePath = useContext(BasePath);
  return (path) => `${basePath}${path}`;
}

/** `c.html` for a page, with the base path and its CSP nonce provided to every component in it. */
export function renderPage(c: Context, page: Child, status?: ContentfulStatusCode) {
  const nonce = pagePolicy(c);
  return c.html(
    <BasePath.Provider value={c.get("basePath")}>
      <CspNonce.Provider value={nonce}>{page}</CspNonce.Provider>
    </BasePath.Provider>,
    status,
  );
}
