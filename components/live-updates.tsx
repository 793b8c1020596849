"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useSWRConfig } from "swr";

/**
 * Listens for Astra webhooks about the signed-in user (relayed by /api/astra/events) and refreshes what the
 * page shows: SWR data read through /api/astra, and the server-rendered parts via router.refresh().
 */
export function LiveUpdates() {
  const router = useRouter();
  const { mutate } = useSWRConfig();

  useEffect(() => {
    const source = new EventSource("/api/astra/events");
    let pending: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("astra", () => {
      // Several events often arrive together (a transfer and its routine): refresh once for the burst.
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
