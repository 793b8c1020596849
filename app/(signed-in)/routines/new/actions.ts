"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { createRoutine, previewCardRoutine } from "@/lib/astra/routines";
import { formatUsd } from "@/lib/money";
import { astraToday } from "@/lib/astra/today";
import { defineSignedInAction, type ActionState, type SignedInContext } from "@/lib/server-action";
import { routineFormSchema } from "../schema";

// The form is checked against Astra's "today", read once per request.
export async function createRoutineAction(state: ActionState, formData: FormData): Promise<ActionState> {
  return defineSignedInAction(routineFormSchema(await astraToday()), create, { idempotent: true })(state, formData);
}

// Astra's fee for a routine to or from a debit card, shown in the review step before anything is created.
export async function previewRoutineAction(state: ActionState, formData: FormData): Promise<ActionState> {
  return defineSignedInAction(routineFormSchema(await astraToday()), preview)(state, formData);
}

async function preview(
  form: z.output<ReturnType<typeof routineFormSchema>>,
  { callAstra }: SignedInContext<false>,
): Promise<ActionState> {
  const fee = await callAstra((accessToken) => previewCardRoutine(accessToken, bodyOf(form)));
  const percent = fee.feePercent === null ? "" : ` (${fee.feePercent}%)`;
  return { status: "ok", message: `Card fee${percent}: ${formatUsd(fee.fee)}. Total: ${formatUsd(fee.total)}.` };
}

const bodyOf = (form: z.output<ReturnType<typeof routineFormSchema>>) => ({
  type: form.type,
  name: form.name,
  payment_type: form.payment_type,
  source_id: form.source_id,
  destination_id: form.destination_id,
  amount: form.amount,
  start_date: form.start_date,
  frequency: form.type === "recurring" && form.frequency ? form.frequency : undefined,
});

// The create carries the form's Idempotency-Key; when Astra's answer leaves it unknown whether the routine was
// made, createRoutine looks it up before giving up, and the form keeps the key for the retry.
async function create(
  form: z.output<ReturnType<typeof routineFormSchema>>,
  { idempotencyKey, callAstra }: SignedInContext<true>,
): Promise<ActionState> {
  const routine = await callAstra((accessToken) => createRoutine(accessToken, bodyOf(form), idempotencyKey));
  revalidatePath("/routines");
  revalidatePath("/dashboard");
  redirect(`/routines/${routine.id}?created=1`);
}
