// Mounts the developer drawer in emulator mode only; elsewhere nothing is rendered, so no drawer code loads.
import { devToolsEnabled } from "@/lib/dev-tools/gate";
import { getEnv } from "@/lib/env";
import { DevToolsDrawer } from "./dev-tools-drawer";

export function DevTools() {
  const env = getEnv();
  if (!devToolsEnabled(env)) return null;
  return (
    <>
      {/* Room below the page's last line, so the fixed drawer button never sits on top of it. */}
      <div aria-hidden className="h-12" />
      <DevToolsDrawer dashboardUrl={`${env.astraAppUrl}/dashboard`} />
    </>
  );
}
