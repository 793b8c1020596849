"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/server-action";

export function RemoveCardButton({ cardId, label, action }: { cardId: string; label: string; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${label}? Routines can no longer use it.`)) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <input type="hidden" name="card_id" value={cardId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Remove ${label}`}
        className="text-sm font-medium text-danger hover:text-danger-ink disabled:opacity-50"
      >
        {pending ? "Removing…" : "Remove"}
      </button>
      {state.status === "failed" ? (
        <p role="alert" className="max-w-64 text-right text-xs text-danger">
          {state.message}
          {state.requestId ? ` (request id ${state.requestId})` : ""}
        </p>
      ) : null}
    </form>
  );
}
