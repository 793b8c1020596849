import { AstraError, astraErrorResponse } from "@/lib/astra/errors";
import { transferStatusSchema } from "@/lib/astra/schemas";
import { getTransfers } from "@/lib/astra/transfers";
import { callAstra } from "@/lib/auth/astra-session";
import { getEnv } from "@/lib/env";
import { parsePageParam } from "@/lib/paging";

// What the transfers page polls (SWR) while transfers are pending; the session's token is added here.
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const raw = query.get("status");
  const status = transferStatusSchema.optional().safeParse(raw || undefined);
  if (!status.success) {
    return Response.json(
      {
        error: {
          kind: "invalid_request",
          field: "status",
          message: `status must be one of ${transferStatusSchema.options.join(", ")}.`,
        },
      },
      { status: 400 },
    );
  }
  // As on the pages: a page that is not a plain number is page 1.
  const page = parsePageParam(query.get("page"));
  try {
    const list = await callAstra((accessToken) => getTransfers(accessToken, { status: status.data, page }));
    return Response.json(list, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AstraError) return astraErrorResponse(error, "GET /api/astra/transfers", getEnv());
    throw error;
  }
}
