/** @jsxImportSource hono/jsx */
// DNS-rebinding guard: a page on another site that makes its own name resolve to 127.0.0.1 reaches the
// emulator with that name in the Host header, so only loopback names and EMULATOR_ALLOWED_HOSTS are served.
import { createMiddleware } from "hono/factory";
import { ErrorPage } from "../pages/error-page";
import { ApiError } from "./create-app";
import { isLoopbackHost } from "./network";
import { renderPage } from "./base-path";

const isApiPath = (path: string) => path.startsWith("/v1/") || path.startsWith("/sandbox/");

/** Host and host name of an absolute URL, lower-cased, without a full URL parse on every request. */
function hostOf(url: string): { host: string; hostname: string } {
  const start = url.indexOf("//") + 2;
  const end = url.indexOf("/", start);
  const host = url.slice(start, end === -1 ? undefined : end).toLowerCase();
  const hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
  return { host, hostname };
}

export function hostCheck(allowedHosts: readonly string[]) {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return createMiddleware(async (c, next) => {
    const { host, hostname } = hostOf(c.req.url);
    if (isLoopbackHost(hostname) || allowed.has(host) || allowed.has(hostname)) return next();
    const message = `This sandbox emulator does not answer to the host name "${hostname}".`;
    const fix =
      "Open it as http://localhost (or 127.0.0.1) on its port, or add the name to EMULATOR_ALLOWED_HOSTS where the emulator runs.";
    if (isApiPath(c.req.path)) throw new ApiError(421, `${message} ${fix}`);
    return renderPage(c, <ErrorPage title="Unknown host name" message={message} fix={fix} />, 421);
  });
}
