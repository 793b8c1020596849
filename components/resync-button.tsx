"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useSWRConfig } from "swr";
import { buttonStyles } from "@/components/ui/button-styles";

/** Re-reads everything from Astra, for when webhooks were missed (a laptop asleep, a tunnel down). */
export function ResyncButton() {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={buttonStyles.secondary}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await mutate((key) => typeof key === "string" && key.startsWith("/api/astra/"));
          router.refresh();
        })
      }
    >
      {pending ? "Resyncing…" : "Resync with Astra"}
    </button>
  );
}
