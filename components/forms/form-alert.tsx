import type { ActionState } from "@/lib/server-action";

/** What the failure means for what the form asked; by default, for something it creates. */
export type FailureOutcome = { notDone: string; unconfirmed: string };

const createOutcome = (what: string): FailureOutcome => ({
  notDone: `No ${what} was created.`,
  unconfirmed:
    `Astra has not confirmed whether the ${what} was created, and the app could not find it yet. ` +
    `Your details are kept: send them again and Astra is asked with the same request, so it makes at most one ${what}.`,
});

/** What went wrong with the last submission, above the form: Astra's failure, or what needs fixing. */
export function FormAlert({
  state,
  createdWhat,
  outcome,
}: {
  state: ActionState;
  createdWhat: string;
  outcome?: FailureOutcome;
}) {
  if (state.status === "failed") {
    const words = outcome ?? createOutcome(createdWhat);
    return (
      <div
        role="alert"
        className="rounded-control border border-danger-line bg-danger-soft p-4 text-sm text-danger-ink"
      >
        <p className="font-semibold">{state.message}</p>
        <p className="mt-1">
          {state.action} {state.unconfirmed ? words.unconfirmed : words.notDone}
        </p>
        {state.requestId ? <p className="mt-1 font-mono text-xs">Request id: {state.requestId}</p> : null}
      </div>
    );
  }
  if (state.status === "invalid") {
    return (
      <div
        role="alert"
        className="rounded-control border border-danger-line bg-danger-soft p-3 text-sm text-danger-ink"
      >
        <p>Some details need fixing; see the messages by each field.</p>
        {state.formErrors.length > 0 ? (
          <ul className="mt-1 list-disc pl-5">
            {state.formErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  return null;
}
