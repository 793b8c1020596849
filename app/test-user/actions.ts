"use server";

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ASTRA_PROVIDER_ID } from "@/lib/astra/oauth-provider";
import { createUserIntent } from "@/lib/astra/user-intents";
import { signIn } from "@/lib/auth/next-auth";
import { clientIpFrom } from "@/lib/client-ip";
import { getEnv } from "@/lib/env";
import { publicDemo, testUserOutcomes } from "@/lib/plugins";
import { defineAction, type ActionState } from "@/lib/server-action";
import { testUserFormSchema } from "./schema";

/** Creates the user intent with the app's credentials, then sends the person to Astra to sign in as them. */
export async function createTestUser(state: ActionState, formData: FormData): Promise<ActionState> {
  const kyc = testUserOutcomes();
  return defineAction(
    testUserFormSchema(kyc ? Object.keys(kyc.choices) : []),
    async (form, { idempotencyKey }) => {
      const env = getEnv();
      if (env.astraEnv === "production" || publicDemo()) notFound();

      // The emulator picks the KYC outcome by a magic ip_address; Astra's sandbox gets the person's real details.
      const outcome = kyc && form.kyc_outcome ? kyc.choices[form.kyc_outcome] : undefined;
      const ssn = (outcome ? kyc?.ssn : form.ssn) ?? "";

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
          ip_address: outcome ? outcome.ipAddress : clientIpFrom(await headers(), env.clientIpHeader),
        },
        idempotencyKey,
      );

      await signIn(
        ASTRA_PROVIDER_ID,
        { redirectTo: "/dashboard" },
        { user_intent_id: intentId, phone: form.phone, phone_read_only: "true" },
      );
      return { status: "ok", message: "Redirecting to Astra…" };
    },
    { secretFields: ["ssn"], idempotent: true },
  )(state, formData);
}
