"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { FormAction } from "@/lib/server-action";

export function RemoveCardButton({ cardId, label, action }: { cardId: string; label: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="card_id" value={cardId} />
      <ConfirmButton
        disabled={pending}
        className="text-sm font-medium text-danger hover:text-danger-ink disabled:opacity-50"
        title={`Remove ${label}?`}
        description="Routines can no longer use it. You can link it again later."
        confirmLabel="Yes, remove card"
        keepLabel="Keep card"
      >
        {pending ? "Removing…" : "Remove"}
        <span className="sr-only"> {label}</span>
      </ConfirmButton>
      {state.status === "failed" ? (
        <p role="alert" className="max-w-64 text-right text-xs text-danger">
          {state.message}
          {state.requestId ? ` (request id ${state.requestId})` : ""}
        </p>
      ) : null}
    </form>
  );
}
