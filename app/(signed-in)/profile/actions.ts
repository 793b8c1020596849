"use server";

import { revalidatePath } from "next/cache";
import { getUser, requestAddressChange, requestPhoneChange, updateEmail } from "@/lib/astra/users";
import { defineSignedInAction } from "@/lib/server-action";
import { addressSchema, emailSchema, phoneSchema } from "./schema";

export const updateEmailAction = defineSignedInAction(emailSchema, async ({ email }, { callAstra }) => {
  await callAstra(async (accessToken) => updateEmail(accessToken, (await getUser(accessToken)).id, email));
  revalidatePath("/profile");
  return { status: "ok", message: "Email updated." };
});

export const requestPhoneChangeAction = defineSignedInAction(
  phoneSchema,
  async ({ phone }, { callAstra, idempotencyKey }) => {
    await callAstra((accessToken) => requestPhoneChange(accessToken, phone, idempotencyKey));
    revalidatePath("/profile");
    return { status: "ok", message: "Requested. Astra reviews a phone number change in about one business day." };
  },
  { idempotent: true },
);

export const requestAddressChangeAction = defineSignedInAction(
  addressSchema,
  async (address, { callAstra, idempotencyKey }) => {
    await callAstra((accessToken) => requestAddressChange(accessToken, address, idempotencyKey));
    revalidatePath("/profile");
    return { status: "ok", message: "Requested. Astra reviews the new address before it applies." };
  },
  { idempotent: true },
);
