"use client";

import { useActionState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { FormAction } from "@/lib/server-action";

type Confirm = { title: string; description: string; confirmLabel: string; keepLabel: string };

/** One routine action (pause, resume, cancel) as a form; `confirm` asks before it is sent. */
export function RoutineActionButton({
  routineId,
  action,
  label,
  pendingLabel,
  confirm,
  danger = false,
}: {
  routineId: string;
  action: FormAction;
  label: string;
  pendingLabel: string;
  confirm?: Confirm;
  danger?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="routine_id" value={routineId} />
      {confirm ? (
        <ConfirmButton disabled={pending} className={buttonStyles[danger ? "danger" : "secondary"]} {...confirm}>
          {pending ? pendingLabel : label}
        </ConfirmButton>
      ) : (
        <button type="submit" disabled={pending} className={buttonStyles[danger ? "danger" : "secondary"]}>
          {pending ? pendingLabel : label}
        </button>
      )}
      {state.status === "ok" ? (
        <p role="status" className="text-sm text-success">
          {state.message}
        </p>
      ) : null}
      {state.status === "failed" ? (
        <p role="alert" className="text-sm text-danger">
          {state.message} {state.action}
          {state.requestId ? ` Request id: ${state.requestId}` : ""}
        </p>
      ) : null}
    </form>
  );
}
