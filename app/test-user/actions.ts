"use server";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ASTRA_PROVIDER_ID } from "@/lib/astra/oauth-provider";
import { createUserIntent } from "@/lib/astra/user-intents";
import { signIn } from "@/lib/auth";
import { clientIpFrom } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { defineAction } from "@/lib/server-action";
import { KYC_OUTCOMES, testUserFormSchema, WIRE_TO_FORM_FIELDS } from "./schema";

/** Creates the user intent with the app's credentials, then sends the person to Astra to sign in as them. */
export const createTestUser = defineAction(
  testUserFormSchema,
  async (form, formData) => {
    const env = getEnv();
    if (env.astraEnv === "production") notFound();

    // The emulator picks the KYC outcome by a magic SSN; Astra's sandbox needs a real-looking one.
    const outcome = env.astraEnv === "emulator" ? form.kyc_outcome : undefined;
    const ssn = (outcome ? KYC_OUTCOMES[outcome].ssn : form.ssn) ?? "";

    const intentId = await createUserIntent(
      {
        email: form.email,
        phone: `+1${form.phone}`,
        first_name: form.first_name,
        last_name: form.last_name,
        address1: form.address1,
        address2: form.address2,
        city: form.city,
        state: form.state,
        postal_code: form.postal_code,
        date_of_birth: form.date_of_birth,
        ssn,
        ip_address: clientIpFrom(await headers(), env.clientIpHeader),
      },
      String(formData.get("$idempotency_key") ?? "") || undefined,
    );

    await signIn(
      ASTRA_PROVIDER_ID,
      { redirectTo: "/dashboard" },
      { user_intent_id: intentId, phone: form.phone, phone_read_only: "true" },
    );
    return { status: "ok", message: "Redirecting to Astra…" };
  },
  { secretFields: ["ssn"], wireFieldNames: WIRE_TO_FORM_FIELDS },
);
