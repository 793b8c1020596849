"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { createRoutine, deleteRoutine, updateRoutine } from "@/lib/astra/routines";
import { astraToday } from "@/lib/astra/today";
import { callAstra } from "@/lib/auth/astra-session";
import { defineAction, type ActionState } from "@/lib/server-action";
import { routineFormSchema, routineIdSchema } from "./schema";

// The create carries the form's Idempotency-Key; when Astra's answer leaves it unknown whether the routine was
// made, createRoutine looks it up before giving up, and the form keeps the key for the retry.
export async function createRoutineAction(state: ActionState, formData: FormData): Promise<ActionState> {
  return defineAction(routineFormSchema(await astraToday()), createWith, { idempotent: true })(state, formData);
}

const createWith = async (
  form: z.output<ReturnType<typeof routineFormSchema>>,
  { idempotencyKey }: { idempotencyKey: string },
): Promise<ActionState> => {
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
};

const changeStatus = (status: "active" | "inactive", message: string) =>
  defineAction(routineIdSchema, async ({ routine_id }) => {
    await callAstra((accessToken) => updateRoutine(accessToken, routine_id, { status }));
    revalidatePath(`/routines/${routine_id}`);
    revalidatePath("/routines");
    return { status: "ok", message };
  });

export const pauseRoutineAction = changeStatus("inactive", "Paused. No transfers will run until you resume it.");
export const resumeRoutineAction = changeStatus("active", "Resumed.");

// Astra's DELETE removes the routine (its page is gone afterwards), so the person lands on the list instead.
export const cancelRoutineAction = defineAction(routineIdSchema, async ({ routine_id }) => {
  await callAstra((accessToken) => deleteRoutine(accessToken, routine_id));
  revalidatePath(`/routines/${routine_id}`);
  revalidatePath("/routines");
  revalidatePath("/dashboard");
  redirect("/routines?cancelled=1");
});
