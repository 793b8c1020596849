// What a browser may see of an Astra failure, here and in every other surface (route handlers' JSON through
// astraErrorResponse, server actions' form state):
//   - the kind (unauthorized, unavailable, …) and this app's words for it: what happened, what to do;
//   - Astra's request id, for support;
//   - Astra's own message only when Astra refused the request (4xx): its words say what to fix.
// Never shown: the URLs and paths the app calls, a 5xx body, a cause's stack or message, any header or token.
// Those go to the server's log (logAstraError) under the same request id, so support can join the two.
import { SignInButton } from "@/components/auth-buttons";
import { TryDemoButton } from "@/components/plugin-slots";
import { buttonStyles } from "@/components/ui/button-styles";
import { browserDetail, logAstraError, USER_MESSAGES, type AstraError } from "@/lib/astra/errors";

/** An Astra failure shown in place: what happened, what to do, and the request id for support. */
export function AstraErrorPanel({ error, path }: { error: AstraError; path: string }) {
  logAstraError(error, path);
  const message = USER_MESSAGES[error.kind];
  const detail = browserDetail(error);
  return (
    <div role="alert" className="space-y-3 rounded-panel border border-danger-line bg-danger-soft p-5 text-danger-ink">
      <div>
        <p className="font-semibold">{message.title}</p>
        <p className="mt-1 text-sm">{message.action}</p>
      </div>
      {detail ? <p className="text-sm text-danger-ink/80">Astra said: {detail}</p> : null}
      <p className="text-xs">
        Error: <code className="rounded bg-surface/70 px-1 py-0.5 font-mono">{error.kind}</code>
        {error.requestId ? (
          <>
            {" · "}Request id: <code className="rounded bg-surface/70 px-1 py-0.5 font-mono">{error.requestId}</code>
          </>
        ) : null}
      </p>
      {error.kind === "unauthorized" ? (
        <div className="flex flex-wrap gap-3">
          <SignInButton callbackPath={path} label="Sign in with Astra again" />
          <TryDemoButton variant="secondary" />
        </div>
      ) : (
        <a href={path} className={buttonStyles.secondary}>
          Try again
        </a>
      )}
    </div>
  );
}
