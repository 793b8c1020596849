import { SignInButton } from "@/components/auth-buttons";
import { buttonStyles } from "@/components/ui/button-styles";
import { USER_MESSAGES, type AstraError } from "@/lib/astra/errors";

/** An Astra failure shown in place: what happened, what to do, and the request id for support. */
export function AstraErrorPanel({ error, path }: { error: AstraError; path: string }) {
  const message = USER_MESSAGES[error.kind];
  return (
    <div role="alert" className="space-y-3 rounded-panel border border-danger-line bg-danger-soft p-5 text-danger-ink">
      <div>
        <p className="font-semibold">{message.title}</p>
        <p className="mt-1 text-sm">{message.action}</p>
      </div>
      <p className="text-sm text-danger-ink/80">Astra said: {error.message}</p>
      {error.requestId ? (
        <p className="text-xs">
          Request id: <code className="rounded bg-surface/70 px-1 py-0.5 font-mono">{error.requestId}</code>
        </p>
      ) : null}
      {error.kind === "unauthorized" ? (
        <SignInButton callbackPath={path} label="Sign in with Astra again" />
      ) : (
        <a href={path} className={buttonStyles.secondary}>
          Try again
        </a>
      )}
    </div>
  );
}
