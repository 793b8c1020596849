import { AstraError, astraErrorResponse } from "@/lib/astra/errors";
import { transferStatusSchema } from "@/lib/astra/schemas";
import { getTransfers } from "@/lib/astra/transfers";
import { callAstra } from "@/lib/auth/astra-session";

// What the transfers page polls (SWR) while transfers are pending; the session's token is added here.
export async function GET(request: Request) {
  const status = transferStatusSchema.safeParse(new URL(request.url).searchParams.get("status") ?? undefined);
  try {
    const list = await callAstra((accessToken) => getTransfers(accessToken, { status: status.success ? status.data : undefined }));
    return Response.json(list, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AstraError) return astraErrorResponse(error);
    throw error;
  }
}
