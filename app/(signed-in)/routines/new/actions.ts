"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createRoutine } from "@/lib/astra/routines";
import { defineSignedInAction } from "@/lib/server-action";
import { routineFormSchema } from "../schema";

// The create carries the form's Idempotency-Key; when Astra's answer leaves it unknown whether the routine was
// made, createRoutine looks it up before giving up, and the form keeps the key for the retry.
export const createRoutineAction = defineSignedInAction(
  routineFormSchema,
  async (form, { idempotencyKey, callAstra }) => {
    const routine = await callAstra((accessToken) =>
      createRoutine(
        accessToken,
        {
          type: form.type,
          name: form.name,
          payment_type: "ach",
          source_id: form.source_id,
          destination_id: form.destination_id,
          amount: form.amount,
          start_date: form.start_date,
          frequency: form.type === "recurring" && form.frequency ? form.frequency : undefined,
        },
        idempotencyKey,
      ),
    );
    revalidatePath("/routines");
    revalidatePath("/dashboard");
    redirect(`/routines/${routine.id}?created=1`);
  },
  { idempotent: true },
);
