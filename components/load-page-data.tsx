// How a server component reads from Astra: the data, or the error panel in its place.
import "server-only";
import { notFound } from "next/navigation";
import type { ReactElement } from "react";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { AstraError } from "@/lib/astra/errors";
import { readFromAstra } from "@/lib/auth/astra-session";

export type PageData<T> = { ok: true; data: T } | { ok: false; panel: ReactElement };

type LoadOptions = {
  path: string;
  /** Astra's 404 shows the app's 404 page (for a page whose URL names one thing). */
  notFoundPage?: boolean;
};

/** An Astra failure becomes the error panel; anything else is a bug for the nearest error boundary. */
export async function loadPageData<T>(
  load: (accessToken: string) => Promise<T>,
  { path, notFoundPage = false }: LoadOptions,
): Promise<PageData<T>> {
  try {
    return { ok: true, data: await readFromAstra(load) };
  } catch (error) {
    if (!(error instanceof AstraError)) throw error;
    if (notFoundPage && error.kind === "not_found") notFound();
    return { ok: false, panel: <AstraErrorPanel error={error} path={path} /> };
  }
}
