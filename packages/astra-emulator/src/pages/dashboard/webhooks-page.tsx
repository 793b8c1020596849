/** @jsxImportSource hono/jsx */
// An app's webhook events, newest first, each with its delivery attempts and a Replay button.
import type { DeveloperApp } from "../../store";
import { deliveryState, type DeliveryRecord, type DeliveryState, type WebhookEventRecord } from "../../store/webhooks";
import { appPath, type Chrome, DashboardLayout, formatTime } from "./layout";
import { useHref } from "../../lib/base-path";

const STATE_LABELS: Record<DeliveryState, string> = {
  delivered: "Delivered",
  pending: "Pending",
  retrying: "Retrying",
  given_up: "Given up",
  not_sent: "Not sent",
};

type Entry = WebhookEventRecord & { deliveries: DeliveryRecord[] };

function Attempt(props: { attempt: DeliveryRecord }) {
  const { attempt } = props;
  const outcome = attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : `Error: ${attempt.error ?? "unknown"}`;
  return (
    <li>
      {outcome} · {attempt.durationMs} ms · {formatTime(attempt.attemptedAt)}
    </li>
  );
}

export function WebhooksPage(props: {
  chrome: Chrome;
  app: DeveloperApp;
  entries: Entry[];
  page: number;
  pageCount: number;
  total: number;
  notice?: { kind: "success" | "alert"; text: string };
}) {
  const href = useHref();
  const { app, page, pageCount } = props;
  const base = appPath(app.clientId, "/webhooks");
  return (
    <DashboardLayout title={`${app.name} webhooks`} chrome={props.chrome}>
      <h1>Webhook deliveries</h1>
      {props.notice ? (
        <p class={props.notice.kind} role={props.notice.kind === "alert" ? "alert" : "status"}>
          {props.notice.text}
        </p>
      ) : null}
      {app.webhookUrl ? (
        <p>
          Events are delivered to <code>{app.webhookUrl}</code>.
        </p>
      ) : (
        <p class="notice">
          No webhook URL is set, so events are recorded but not delivered. Set one on the{" "}
          <a href={href(appPath(app.clientId))}>settings page</a>.
        </p>
      )}
      <section class="card" aria-labelledby="events-heading">
        <h2 id="events-heading">Events ({props.total})</h2>
        {props.entries.length === 0 ? (
          <p>No events yet. Changes to users, routines and transfers create them.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Webhook id</th>
                <th scope="col">Type</th>
                <th scope="col">Resource</th>
                <th scope="col">Created</th>
                <th scope="col">Delivery</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((entry) => (
                <tr key={entry.webhookId}>
                  <td class="mono">{entry.webhookId}</td>
                  <td>{entry.type}</td>
                  <td class="mono">{entry.resourceId}</td>
                  <td>{formatTime(entry.createdAt)}</td>
                  <td>
                    <span class={`status ${deliveryState(entry, Boolean(app.webhookUrl))}`}>
                      {STATE_LABELS[deliveryState(entry, Boolean(app.webhookUrl))]}
                    </span>
                    {entry.nextAttemptAt ? <span> · next try {formatTime(entry.nextAttemptAt)}</span> : null}
                    {entry.deliveries.length > 0 ? (
                      <ol class="attempts" aria-label="Attempts">
                        {entry.deliveries.map((attempt) => (
                          <Attempt key={attempt.id} attempt={attempt} />
                        ))}
                      </ol>
                    ) : (
                      <p class="hint">No attempts yet.</p>
                    )}
                  </td>
                  <td>
                    <form method="post" action={href(`${base}/${encodeURIComponent(entry.webhookId)}/replay`)}>
                      <button type="submit" class="secondary">
                        Replay<span class="visually-hidden">{` ${entry.webhookId}`}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pageCount > 1 ? (
          <nav class="pager" aria-label="Pages">
            {page > 1 ? <a href={href(`${base}?page=${page - 1}`)}>Newer</a> : <span />}
            <span>
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? <a href={href(`${base}?page=${page + 1}`)}>Older</a> : <span />}
          </nav>
        ) : null}
      </section>
    </DashboardLayout>
  );
}
