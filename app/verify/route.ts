import type { NextRequest } from "next/server";
import { startModuleFlow } from "@/lib/astra/module-flow";

// "Verify your identity": Astra's retry screen for a `retry` user, its photo-ID screen otherwise.
export function GET(request: NextRequest) {
  return startModuleFlow(request, (status) => (status === "retry" ? "verify-personal" : "verify-document"));
}
