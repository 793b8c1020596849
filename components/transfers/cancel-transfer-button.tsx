"use client";

import { useActionState, useEffect } from "react";
import { useSWRConfig } from "swr";
import { isTransfersKey } from "@/lib/cache-keys";
import type { FormAction } from "@/lib/server-action";

type Props = {
  transferId: string;
  action: FormAction;
};

export function CancelTransferButton({ transferId, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const { mutate } = useSWRConfig();
  useEffect(() => {
    if (state.status === "ok") void mutate(isTransfersKey);
  }, [state, mutate]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm("Cancel this transfer? The money will not move.")) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <input type="hidden" name="transfer_id" value={transferId} />
      <button
        type="submit"
        disabled={pending}
        className="text-sm font-medium text-danger hover:text-danger-ink disabled:opacity-50"
      >
        {pending ? "Cancelling…" : "Cancel"}
      </button>
      {state.status === "failed" ? (
        <p role="alert" className="max-w-56 text-right text-xs text-danger">
          {state.message}
          {state.requestId ? ` (request id ${state.requestId})` : ""}
        </p>
      ) : null}
    </form>
  );
}
