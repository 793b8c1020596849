// The daily cron (vercel.json): the emulator's due work and the 24-hour cleanup of demo visitors, for a demo
// nobody visits (Hobby allows one run a day).
import { authorizeCron } from "@/lib/cron-auth";
import { ControlApiError, runEmulatorMaintenance } from "@/lib/dev-tools/control-api";
import { getEnv, usesEmulator } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

const NO_STORE = { "cache-control": "no-store" };

const problem = (status: number, kind: string, message: string) =>
  Response.json({ error: { kind, message } }, { status, headers: NO_STORE });

export async function GET(request: Request): Promise<Response> {
  const env = getEnv();
  const authorization = authorizeCron(request.headers.get("authorization"), env);
  if (!authorization.ok) {
    return problem(
      authorization.status,
      authorization.status === 401 ? "unauthorized" : "forbidden",
      authorization.message,
    );
  }
  if (!usesEmulator(env)) {
    return problem(404, "not_found", "This cron only has work when the app talks to the emulator.");
  }
  try {
    const result = await runEmulatorMaintenance();
    return Response.json(
      { ok: true, due_work_ran: result.due_work_ran, visitors_deleted: result.visitors_deleted },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof ControlApiError) return problem(502, "emulator", error.message);
    throw error;
  }
}
