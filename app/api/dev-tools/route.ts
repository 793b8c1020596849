// The developer drawer's server side: control calls use the app's credentials, so the browser never holds them.
import { AstraError, astraErrorResponse } from "@/lib/astra/errors";
import { getRoutines } from "@/lib/astra/routines";
import { auth } from "@/lib/auth/next-auth";
import { callAstra } from "@/lib/auth/astra-session";
import { formatCalendarDate } from "@/lib/dates";
import { devToolsActionSchema, type DevToolsAction } from "@/lib/dev-tools/action-schema";
import {
  advanceEmulatorClock,
  ControlApiError,
  expireAccessToken,
  injectFault,
  readEmulatorClock,
  resetEmulator,
  STATUS_FAULT_WINDOW_MS,
} from "@/lib/dev-tools/control-api";
import { devToolsEnabled } from "@/lib/dev-tools/gate";
import { daysToNextRun } from "@/lib/dev-tools/next-run";
import { forgetAstraCalls, recentAstraCalls } from "@/lib/dev-tools/recent-calls";
import { getEnv } from "@/lib/env";
import { sameOriginJsonRefusal } from "@/lib/http/framework-input";

const NO_STORE = { "cache-control": "no-store" };

const problem = (status: number, kind: string, message: string) =>
  Response.json({ error: { kind, message } }, { status, headers: NO_STORE });

async function signedInUser(): Promise<string | Response> {
  if (!devToolsEnabled(getEnv())) return problem(404, "not_found", "Developer tools exist only in emulator mode.");
  const session = await auth();
  if (!session?.user.id) return problem(401, "unauthorized", "Sign in to use the developer tools.");
  return session.user.id;
}

export async function GET() {
  const user = await signedInUser();
  if (user instanceof Response) return user;
  return Response.json({ calls: recentAstraCalls(user) }, { headers: NO_STORE });
}

// In demo mode the shared emulator scopes each control call to the visitor it names.
async function run(action: DevToolsAction, userId: string): Promise<string> {
  const demo = getEnv().astraEnv === "demo";
  switch (action.action) {
    case "advance": {
      const clock = await advanceEmulatorClock(action.days, userId);
      return `The emulator's clock moved ${action.days === 1 ? "1 day" : `${action.days} days`}; it is now ${formatCalendarDate(clock.today)}.`;
    }
    case "advance-to-next-run": {
      const [{ today }, list] = await Promise.all([
        readEmulatorClock(userId),
        callAstra((token) => getRoutines(token, { pageSize: 100 })),
      ]);
      const days = daysToNextRun(list.routines, today);
      if (days === null) throw new ControlApiError(409, "None of your routines has a run coming up.");
      const clock = await advanceEmulatorClock(days, userId);
      return `The emulator's clock moved ${days === 1 ? "1 day" : `${days} days`} to the next run; it is now ${formatCalendarDate(clock.today)}.`;
    }
    case "expire-token":
      await expireAccessToken(userId);
      return "Your access token has expired. The next Astra call gets a 401, and the app refreshes it.";
    case "fault":
      await injectFault(action.kind, userId);
      return action.kind === "slow"
        ? "The next Astra call will wait 3 seconds."
        : `From the next Astra call, every call answers ${action.kind} for ${STATUS_FAULT_WINDOW_MS / 1000} seconds, retries included: open or reload a page.`;
    case "reset":
      await resetEmulator(userId);
      if (demo) return "Your demo data was reset: your accounts are new, your routines are gone, your clock is today.";
      forgetAstraCalls();
      return "The emulator was reset: its data is new, so sign in again.";
  }
}

export async function POST(request: Request) {
  const refusal = sameOriginJsonRefusal(request.headers);
  if (refusal) return problem(refusal.status, refusal.kind, refusal.message);
  const user = await signedInUser();
  if (user instanceof Response) return user;
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = devToolsActionSchema.safeParse(body);
  if (!parsed.success) return problem(400, "invalid_request", parsed.error.issues[0]?.message ?? "Unknown action.");
  try {
    return Response.json({ message: await run(parsed.data, user) }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof ControlApiError) return problem(error.status, "emulator", error.message);
    if (error instanceof AstraError) return astraErrorResponse(error, "POST /api/dev-tools", getEnv());
    throw error;
  }
}
