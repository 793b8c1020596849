// The visitor's IP address, which Astra asks for when creating a user intent. A request header is evidence only
// when a proxy we run sets it: anyone can send `X-Forwarded-For`, so it is read only from the header the
// configuration names (CLIENT_IP_HEADER, or Vercel's own there).
import { isIP } from "node:net";

/** What Astra is told when the app cannot know the address (no trusted proxy in front of it). */
export const UNKNOWN_CLIENT_IP = "127.0.0.1";

export function clientIpFrom(headers: Pick<Headers, "get">, trustedHeader: string | undefined): string {
  if (!trustedHeader) return UNKNOWN_CLIENT_IP;
  // A proxy that appends (X-Forwarded-For style) writes the address it saw last; earlier ones came from the client.
  const candidate = headers.get(trustedHeader)?.split(",").at(-1)?.trim() ?? "";
  return isIP(candidate) ? candidate : UNKNOWN_CLIENT_IP;
}
