// How a server component reads from Astra: the data, or the error panel to show in its place.
import "server-only";
import { notFound } from "next/navigation";
import type { ReactElement } from "react";
import { AstraErrorPanel } from "@/components/astra-error-panel";
import { AstraError } from "@/lib/astra/errors";
import { readFromAstra } from "@/lib/auth/astra-session";

export type PageData<T> = { ok: true; data: T } | { ok: false; panel: ReactElement };

type LoadOptions = {
  /** The page to reload ("Try again") or return to after signing in again. */
  path: string;
  /**
   * For a page whose URL names one thing (a routine, an account): Astra's 404 shows the app's 404 page.
   * Elsewhere a 404 is a failure like any other and gets the panel.
   */
  notFoundPage?: boolean;
};

/**
 * Runs `load` with the signed-in user's token. An Astra failure becomes the error panel (which offers to sign
 * in again on `unauthorized`); anything else is a bug and goes to the nearest error boundary.
 */
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
