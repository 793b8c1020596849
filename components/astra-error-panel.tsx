// What a browser may see of an Astra failure: the kind, this app's words, the request id, and Astra's own 4xx
// message. Never URLs, 5xx bodies, causes, headers or tokens: those go to the log under the same request id.
import { SignInButton } from "@/components/auth-buttons";
import { TryDemoButton } from "@/components/plugin-slots";
import { buttonStyles } from "@/components/ui/button-styles";
import { browserDetail, logAstraError, USER_MESSAGES, type AstraError } from "@/lib/astra/errors";

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
