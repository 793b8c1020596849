"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useSWRConfig } from "swr";

/** Refreshes SWR data and the server-rendered parts when a webhook about the signed-in user is relayed. */
export function LiveUpdates() {
  const router = useRouter();
  const { mutate } = useSWRConfig();

  useEffect(() => {
    const source = new EventSource("/api/astra/events");
    let pending: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("astra", () => {
      // Several events often arrive together: refresh once for the burst.
      clearTimeout(pending);
      pending = setTimeout(() => {
        void mutate((key) => typeof key === "string" && key.startsWith("/api/astra/"));
        router.refresh();
      }, 250);
    });
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [mutate, router]);

  return null;
}
