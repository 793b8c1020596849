import type { NextRequest } from "next/server";
import { startModuleFlow } from "../../module-flow";

// "Link a debit card": Astra's card-linking flow, back to /accounts/linked.
export function GET(request: NextRequest) {
  return startModuleFlow(request, () => "link-card");
}
