"use client";

import { buttonStyles } from "@/components/ui/button-styles";

// Unexpected failures only: Astra errors are shown in place by the components that call Astra. In development
// React hands over null when it could not serialise the server's error.
export default function SignedInError({
  error,
  reset,
}: {
  error: (Error & { digest?: string }) | null;
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-4 rounded-panel border border-danger-line bg-surface p-6">
      <h1 className="text-lg font-semibold">Something went wrong on this page</h1>
      <p className="text-sm text-muted">
        The app hit an unexpected error. Try again; if it keeps happening, include this reference when you report it.
      </p>
      {error?.digest ? <p className="font-mono text-xs text-subtle">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className={buttonStyles.primary}>
        Try again
      </button>
    </div>
  );
}
