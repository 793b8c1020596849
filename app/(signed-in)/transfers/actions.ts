"use server";

import { revalidatePath } from "next/cache";
import { cancelTransfer } from "@/lib/astra/transfers";
import { callAstra } from "@/lib/auth/astra-session";
import { defineAction } from "@/lib/server-action";
import { transferIdSchema } from "./schema";

export const cancelTransferAction = defineAction(transferIdSchema, async ({ transfer_id }) => {
  const transfer = await callAstra((accessToken) => cancelTransfer(accessToken, transfer_id));
  revalidatePath("/transfers");
  revalidatePath("/dashboard");
  return { status: "ok", message: `Transfer ${transfer.words.label.toLowerCase()}.` };
});
