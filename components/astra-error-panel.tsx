// What a browser may see of an Astra failure: the kind, this app's words, the request id, and Astra's own 4xx
// message. Never URLs, 5xx bodies, causes, headers or tokens: those go to the log under the same request id.
// Plain props, never the error itself: React serialises a server component's props in development.
import { SignInButton } from "@/components/auth-buttons";
import { TryDemoButton } from "@/components/plugin-slots";
import { buttonStyles } from "@/components/ui/button-styles";
import type { AstraErrorKind } from "@/lib/astra/errors";

export type AstraErrorView = {
  kind: AstraErrorKind;
  title: string;
  action: string;
  detail: string | null;
  requestId: string | null;
};

export function AstraErrorPanel({ view, path }: { view: AstraErrorView; path: string }) {
  return (
    <div role="alert" className="space-y-3 rounded-panel border border-danger-line bg-danger-soft p-5 text-danger-ink">
      <div>
        <p className="font-semibold">{view.title}</p>
        <p className="mt-1 text-sm">{view.action}</p>
      </div>
      {view.detail ? <p className="text-sm text-danger-ink/80">Astra said: {view.detail}</p> : null}
      <p className="text-xs">
        Error: <code className="rounded bg-surface/70 px-1 py-0.5 font-mono">{view.kind}</code>
        {view.requestId ? (
          <>
            {" · "}Request id: <code className="rounded bg-surface/70 px-1 py-0.5 font-mono">{view.requestId}</code>
          </>
        ) : null}
      </p>
      {view.kind === "unauthorized" ? (
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

/** The same failure again on a page that already shows its panel (two sections of the dashboard, say). */
export function AstraErrorNote({ view }: { view: AstraErrorView }) {
  return <p className="text-sm text-muted">Not loaded. {view.title}.</p>;
}
