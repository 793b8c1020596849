"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import { buttonStyles } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";
import type { AstraCallRecord } from "@/lib/dev-tools/recent-calls";
import { fetcher } from "@/lib/fetcher";

// Type-only: the server-only module never reaches the browser.
type AstraCall = AstraCallRecord;

type Action =
  | { action: "advance"; days: 1 | 5 }
  | { action: "advance-to-next-run" }
  | { action: "expire-token" }
  | { action: "fault"; kind: "500" | "503" | "429" | "slow" }
  | { action: "reset" };

// A fault or an expired token waits for the person's next call, so a refresh here would use it up.
const REFRESHES_PAGE = new Set<Action["action"]>(["advance", "advance-to-next-run", "reset"]);

const CALLS_URL = "/api/dev-tools";

type PanelProps = { id: string; headingId: string; dashboardUrl: string; onClose: () => void };

/** The drawer's contents, loaded when it first opens, so pages do not start with SWR and this code. */
export function DevToolsPanel({ id, headingId, dashboardUrl, onClose }: PanelProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  const calls = useSWR<{ calls: AstraCall[] }>(CALLS_URL, fetcher, { refreshInterval: 2_000 });

  useEffect(() => headingRef.current?.focus(), []);

  const send = async (action: Action) => {
    setBusy(true);
    setResult(null);
    try {
      const response = await fetch(CALLS_URL, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(action),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
      setResult(
        response.ok
          ? { ok: true, message: body.message ?? "Done." }
          : { ok: false, message: body.error?.message ?? `The developer tools answered ${response.status}.` },
      );
      if (response.ok && REFRESHES_PAGE.has(action.action)) router.refresh();
    } catch {
      setResult({ ok: false, message: "Could not reach the app's server." });
    } finally {
      setBusy(false);
      void calls.mutate();
    }
  };

  const action = (label: string, value: Action, style: keyof typeof buttonStyles = "secondary") => (
    <button
      type="button"
      className={cn(buttonStyles[style], "px-3 py-1.5")}
      disabled={busy}
      onClick={() => void send(value)}
    >
      {label}
    </button>
  );

  return (
    <div
      id={id}
      role="dialog"
      aria-labelledby={headingId}
      className={cn(
        "max-h-[75vh] w-full overflow-y-auto rounded-panel border border-line-strong bg-surface p-4 text-sm shadow-lg sm:w-[28rem]",
        "xl:fixed xl:inset-y-0 xl:right-0 xl:max-h-none xl:w-96 xl:rounded-none xl:border-y-0 xl:border-r-0 xl:pb-16 xl:shadow-none",
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="font-semibold text-ink">
          Developer tools <span className="font-normal text-muted">(emulator only)</span>
        </h2>
        <button type="button" className={buttonStyles.quiet} onClick={onClose}>
          Close
        </button>
      </div>

      <h3 className="mt-4 font-medium text-ink-soft">Emulator clock</h3>
      <div className="mt-2 flex flex-wrap gap-2">
        {action("Advance 1 day", { action: "advance", days: 1 })}
        {action("Advance 5 days", { action: "advance", days: 5 })}
        {action("To the next run", { action: "advance-to-next-run" })}
      </div>

      <h3 className="mt-4 font-medium text-ink-soft">Astra failures (from the next call)</h3>
      <div className="mt-2 flex flex-wrap gap-2">
        {action("Fail with 500", { action: "fault", kind: "500" })}
        {action("Fail with 503", { action: "fault", kind: "503" })}
        {action("Fail with 429", { action: "fault", kind: "429" })}
        {action("Make it slow", { action: "fault", kind: "slow" })}
        {action("Expire access token", { action: "expire-token" })}
      </div>

      <h3 className="mt-4 font-medium text-ink-soft">Emulator</h3>
      <div className="mt-2 flex flex-wrap gap-2">
        <a href={dashboardUrl} target="_blank" rel="noreferrer" className={cn(buttonStyles.secondary, "px-3 py-1.5")}>
          Open dashboard<span className="sr-only"> (opens in a new tab)</span>
        </a>
        {action("Reset emulator", { action: "reset" }, "danger")}
      </div>

      <p role="status" className={cn("mt-3 min-h-5", result?.ok === false ? "text-danger" : "text-muted")}>
        {busy ? "Working…" : result ? `${result.ok ? "" : "Failed: "}${result.message}` : null}
      </p>

      <h3 className="mt-4 font-medium text-ink-soft">Recent Astra calls</h3>
      <RecentCalls calls={calls.data?.calls} failed={Boolean(calls.error)} />
    </div>
  );
}

function RecentCalls({ calls, failed }: { calls: AstraCall[] | undefined; failed: boolean }) {
  if (failed) return <p className="mt-2 text-danger">Could not load the recent calls.</p>;
  if (!calls) return <p className="mt-2 text-muted">Loading…</p>;
  if (calls.length === 0) return <p className="mt-2 text-muted">No Astra calls yet.</p>;
  return (
    <ol aria-label="Recent Astra calls" className="mt-2 divide-y divide-line-faint rounded-control border border-line">
      {calls.map((call, index) => (
        <li
          key={`${call.at}-${index}`}
          data-testid="astra-call"
          className="flex flex-wrap items-baseline gap-x-2 px-3 py-2 font-mono text-xs"
        >
          <span className="font-semibold text-ink">{call.method}</span>
          <span className="min-w-0 break-all text-ink-soft">{call.path}</span>
          <span className={call.status >= 400 ? "font-semibold text-danger" : "text-success"}>
            {call.status}
            {/* In words as well as colour, for anyone who cannot tell red from green. */}
            {call.status >= 400 ? " (failed)" : " (ok)"}
          </span>
          <span className="text-muted">{call.durationMs} ms</span>
          <span className="w-full text-subtle">request id {call.requestId ?? "none"}</span>
        </li>
      ))}
    </ol>
  );
}
