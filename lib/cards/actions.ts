"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteCard } from "@/lib/astra/cards";
import { defineSignedInAction } from "@/lib/server-action";

export const removeCardAction = defineSignedInAction(
  z.object({ card_id: z.string().min(1).max(200) }),
  async ({ card_id }, { callAstra }) => {
    await callAstra((accessToken) => deleteCard(accessToken, card_id));
    revalidatePath("/dashboard");
    return { status: "ok", message: "Card removed." };
  },
);
