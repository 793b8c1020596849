// Which redirect URIs the module and the token endpoint accept for an app: the registered ones, exactly (as
// Astra does), and in hosted mode also any URI on the deployment's own origins.
import type { HostedMode } from "../deps";
import type { DeveloperApp } from "../store";

export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Hosted, every preview and branch deployment has its own origin, and none of them can be registered ahead.
 * Accepting the site's own origins is safe: the user, and the code, can only be sent back to the site that
 * hosts this emulator, and exchanging the code still takes the app's client secret.
 * Any other URI must still be registered exactly.
 */
export function isAllowedRedirectUri(
  hosted: HostedMode | null,
  request: Request,
  client: DeveloperApp,
  uri: string,
): boolean {
  if (client.redirectUris.includes(uri)) return true;
  if (!hosted || new URL(uri, "http://invalid").hash) return false;
  const origin = originOf(uri);
  return origin !== null && hosted.ownOrigins(request).some((own) => originOf(own) === origin);
}

/** The registered twin of `uri` on the origin the browser came from, when the app asked for another origin. */
export function registeredOnReferrerOrigin(
  client: DeveloperApp,
  uri: string,
  referrer: string | undefined,
): string | null {
  const from = originOf(referrer ?? "");
  const asked = originOf(uri);
  if (!from || !asked || from === asked) return null;
  const twin = `${from}${uri.slice(asked.length)}`;
  return client.redirectUris.includes(twin) ? twin : null;
}
