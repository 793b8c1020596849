// How a server component reads from Astra: the data, or the error panel in its place.
import "server-only";
import { notFound } from "next/navigation";
import { cache, type ReactElement } from "react";
import { AstraErrorNote, AstraErrorPanel, type AstraErrorView } from "@/components/astra-error-panel";
import { AstraError, browserDetail, logAstraError, userMessage } from "@/lib/astra/errors";
import { readFromAstra } from "@/lib/auth/astra-session";
import { getEnv } from "@/lib/env";

export type PageData<T> = { ok: true; data: T } | { ok: false; panel: ReactElement };

type LoadOptions = {
  path: string;
  /** Astra's 404 shows the app's 404 page (for a page whose URL names one thing). */
  notFoundPage?: boolean;
};

export function astraErrorView(error: AstraError): AstraErrorView {
  const { title, action } = userMessage(error, getEnv());
  return { kind: error.kind, title, action, detail: browserDetail(error), requestId: error.requestId };
}

// Per request: the sections of one page that fail the same way show one panel between them.
const shownOnThisPage = cache(() => new Set<string>());

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
    logAstraError(error, path);
    const view = astraErrorView(error);
    const shown = shownOnThisPage();
    const key = `${view.kind}:${view.title}`;
    if (shown.has(key)) return { ok: false, panel: <AstraErrorNote view={view} /> };
    shown.add(key);
    return { ok: false, panel: <AstraErrorPanel view={view} path={path} /> };
  }
}
