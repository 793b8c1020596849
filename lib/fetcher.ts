// The one SWR fetcher: reads the app's own /api/astra routes and throws a typed error for a non-OK answer.
export class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly requestId: string | null,
  ) {
    super(title);
    this.name = "FetchError";
  }
}

type ErrorBody = { error?: { title?: string; message?: string; requestId?: string | null } };

export async function fetcher<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    throw new FetchError(
      response.status,
      body.error?.title ?? `Request failed (${response.status})`,
      body.error?.requestId ?? null,
    );
  }
  return (await response.json()) as T;
}
