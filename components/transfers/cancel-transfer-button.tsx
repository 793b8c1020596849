"use client";

import { useActionState, useEffect } from "react";
import { useSWRConfig } from "swr";
import { ConfirmButton } from "@/components/ui/confirm-button";
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
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="transfer_id" value={transferId} />
      <ConfirmButton
        disabled={pending}
        className="text-sm font-medium text-danger hover:text-danger-ink disabled:opacity-50"
        title="Cancel this transfer?"
        description="The money will not move."
        confirmLabel="Yes, cancel transfer"
        keepLabel="Keep transfer"
      >
        {pending ? "Cancelling…" : "Cancel"}
      </ConfirmButton>
      {state.status === "failed" ? (
        <p role="alert" className="max-w-56 text-right text-xs text-danger">
          {state.message}
          {state.requestId ? ` (request id ${state.requestId})` : ""}
        </p>
      ) : null}
    </form>
  );
}
