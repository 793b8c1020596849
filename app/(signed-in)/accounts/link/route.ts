import type { NextRequest } from "next/server";
import { startModuleFlow } from "../../module-flow";

// "Link a bank account": Astra's bank-linking flow, back to /accounts/linked.
export function GET(request: NextRequest) {
  return startModuleFlow(request, () => "link-account");
}
