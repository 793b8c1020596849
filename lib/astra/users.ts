// The signed-in user's Astra profile: who they are, what they may do, and the changes they can ask for.
import "server-only";
import { cache } from "react";
import { astraFetch } from "./client";
import { userSchema, type User } from "./schemas";
import {
  addressChangeRequestSchema,
  changeRequestAnswer,
  phoneChangeRequestListSchema,
  phoneChangeRequestSchema,
  userCapabilitiesSchema,
  type PhoneChangeRequest,
  type UserCapabilities,
} from "./user-schemas";

export type CapabilityView = { name: string; label: string; enabled: boolean; reason: string | null };
export type PhoneChangeView = { id: string; phone: string; status: string; requested: string | null };
export type AddressChange = Partial<Record<"address1" | "address2" | "city" | "state" | "postal_code", string>>;

const CAPABILITY_LABELS: Record<string, string> = {
  link_accounts: "Link bank accounts",
  create_routines: "Move money with routines",
  receive_payments: "Receive payments",
};

// One read per page render: the profile's sections share it.
export const getUser = cache((accessToken: string): Promise<User> =>
  astraFetch({ path: "/v1/user", auth: { accessToken }, schema: userSchema }),
);

export function updateEmail(accessToken: string, userId: string, email: string): Promise<User> {
  return astraFetch({
    path: `/v1/users/${encodeURIComponent(userId)}`,
    method: "PATCH",
    auth: { accessToken },
    body: { email },
    schema: userSchema,
  });
}

export async function getCapabilities(accessToken: string, userId: string): Promise<CapabilityView[]> {
  const answer = await astraFetch({
    path: `/v1/users/${encodeURIComponent(userId)}/capabilities`,
    auth: { accessToken },
    schema: userCapabilitiesSchema,
  });
  return reshapeCapabilities(answer);
}

export async function getPhoneChangeRequests(accessToken: string): Promise<PhoneChangeView[]> {
  const list = await astraFetch({
    path: "/v1/phone_number_change_requests",
    auth: { accessToken },
    schema: phoneChangeRequestListSchema,
  });
  return list.phone_number_change_requests.map(reshapePhoneChange);
}

export async function requestPhoneChange(accessToken: string, phone: string, idempotencyKey?: string) {
  return astraFetch({
    path: "/v1/request_user_phone_number_update",
    method: "POST",
    auth: { accessToken },
    body: { phone },
    idempotencyKey,
    schema: changeRequestAnswer(phoneChangeRequestSchema),
  });
}

export async function requestAddressChange(accessToken: string, address: AddressChange, idempotencyKey?: string) {
  return astraFetch({
    path: "/v1/request_address_change",
    method: "POST",
    auth: { accessToken },
    body: address,
    idempotencyKey,
    schema: changeRequestAnswer(addressChangeRequestSchema),
  });
}

export function reshapeCapabilities(answer: UserCapabilities): CapabilityView[] {
  return answer.capabilities.map(({ name, enabled, reason }) => ({
    name,
    label: CAPABILITY_LABELS[name] ?? sentenceCase(name),
    enabled,
    reason: reason || null,
  }));
}

export function reshapePhoneChange(request: PhoneChangeRequest): PhoneChangeView {
  return {
    id: request.id,
    phone: request.phone ?? "",
    status: sentenceCase(request.status ?? "pending"),
    requested: request.created ? request.created.slice(0, 10) : null,
  };
}

function sentenceCase(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "";
}
