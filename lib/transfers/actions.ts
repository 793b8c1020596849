"use server";

import { revalidatePath } from "next/cache";
import { cancelTransfer } from "@/lib/astra/transfers";
import { defineSignedInAction } from "@/lib/server-action";
import { transferIdSchema } from "./schema";

// Shared by the transfers page and a routine's page, so it lives here rather than beside either route.
export const cancelTransferAction = defineSignedInAction(transferIdSchema, async ({ transfer_id }, { callAstra }) => {
  const transfer = await callAstra((accessToken) => cancelTransfer(accessToken, transfer_id));
  revalidatePath("/transfers");
  revalidatePath("/dashboard");
  return { status: "ok", message: `Transfer ${transfer.words.label.toLowerCase()}.` };
});
