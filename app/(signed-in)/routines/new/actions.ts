"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { createRoutine } from "@/lib/astra/routines";
import { astraToday } from "@/lib/astra/today";
import { defineSignedInAction, type ActionState, type SignedInContext } from "@/lib/server-action";
import { routineFormSchema } from "../schema";

// The form is checked against Astra's "today", read once per request.
export async function createRoutineAction(state: ActionState, formData: FormData): Promise<ActionState> {
  return defineSignedInAction(routineFormSchema(await astraToday()), create, { idempotent: true })(state, formData);
}

// The create carries the form's Idempotency-Key; when Astra's answer leaves it unknown whether the routine was
// made, createRoutine looks it up before giving up, and the form keeps the key for the retry.
async function create(
  form: z.output<ReturnType<typeof routineFormSchema>>,
  { idempotencyKey, callAstra }: SignedInContext<true>,
): Promise<ActionState> {
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
}
