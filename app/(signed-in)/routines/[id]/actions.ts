"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteRoutine, updateRoutine } from "@/lib/astra/routines";
import { defineSignedInAction } from "@/lib/server-action";
import { routineIdSchema } from "../schema";

const changeStatus = (status: "active" | "inactive", message: string) =>
  defineSignedInAction(routineIdSchema, async ({ routine_id }, { callAstra }) => {
    await callAstra((accessToken) => updateRoutine(accessToken, routine_id, { status }));
    revalidatePath(`/routines/${routine_id}`);
    revalidatePath("/routines");
    return { status: "ok", message };
  });

export const pauseRoutineAction = changeStatus("inactive", "Paused. No transfers will run until you resume it.");
export const resumeRoutineAction = changeStatus("active", "Resumed.");

// Astra's DELETE removes the routine (its page is gone afterwards), so the person lands on the list instead.
export const cancelRoutineAction = defineSignedInAction(routineIdSchema, async ({ routine_id }, { callAstra }) => {
  await callAstra((accessToken) => deleteRoutine(accessToken, routine_id));
  revalidatePath(`/routines/${routine_id}`);
  revalidatePath("/routines");
  revalidatePath("/dashboard");
  redirect("/routines?cancelled=1");
});
