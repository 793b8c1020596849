import type { NextRequest } from "next/server";
import { getUser } from "@/lib/astra/users";
import { callAstra } from "@/lib/auth/astra-session";
import { startModuleFlow } from "../module-flow";

// "Verify your identity": Astra's retry screen for a `retry` user, its photo-ID screen otherwise. The status is
// read now, not from sign-in, because verification moves it (retry can become document).
export function GET(request: NextRequest) {
  return startModuleFlow(request, async () => {
    const status = await callAstra(getUser)
      .then((user) => user.status)
      .catch(() => "document" as const);
    return status === "retry" ? "verify-personal" : "verify-document";
  });
}
