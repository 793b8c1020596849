// Builds hosted-module links the way the dashboard's OAuth link generator does
// (https://docs.astra.finance/reference/oauth-links-and-parameters).

export const MODULE_ACTIONS = {
  collect_authorization: { label: "Collect Authorization", path: "/login/oauth/authorize", responseType: "code" },
  link_bank_account: { label: "Link Bank Account", path: "/institutions/connect", responseType: null },
  link_debit_card: { label: "Link Debit Card", path: "/cards/connect", responseType: null },
  verify_personal: { label: "Verify Identity (retry)", path: "/verify/personal", responseType: null },
  verify_document: { label: "Verify Identity (document)", path: "/verify/document", responseType: null },
} as const;

export type ModuleAction = keyof typeof MODULE_ACTIONS;

export const isModuleAction = (value: string): value is ModuleAction => Object.hasOwn(MODULE_ACTIONS, value);

/** The person the link is for: their id goes on the URL with their phone, prefilled and locked. */
export interface ModuleSubject {
  kind: "user_intent" | "user";
  id: string;
  /** 10 digits, no country code. */
  phone: string;
}

export interface ModuleLink {
  /** Where the module is served: the emulator's origin and base path, e.g. http://localhost:4010 or https://demo.example/emulator. */
  baseUrl: string;
  action: ModuleAction;
  clientId: string;
  redirectUri: string;
  subject?: ModuleSubject | null;
  state?: string | null;
}

export function buildModuleUrl(link: ModuleLink): string {
  const action = MODULE_ACTIONS[link.action];
  // Appended, not resolved: new URL("/login/…", "https://demo.example/emulator") would drop the base path.
  const url = new URL(`${link.baseUrl.replace(/\/$/, "")}${action.path}`);
  const params = new URLSearchParams({ client_id: link.clientId, redirect_uri: link.redirectUri });
  if (action.responseType) params.set("response_type", action.responseType);
  if (link.subject) {
    params.set(link.subject.kind === "user" ? "user_id" : "user_intent_id", link.subject.id);
    params.set("phone", link.subject.phone);
    params.set("phone_read_only", "true");
  }
  if (link.state) params.set("state", link.state);
  url.search = params.toString();
  return url.toString();
}
