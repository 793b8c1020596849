import type { ActionState } from "@/lib/server-action";

/** What went wrong with the last submission, above the form: Astra's failure, or what needs fixing. */
export function FormAlert({ state, createdWhat }: { state: ActionState; createdWhat: string }) {
  if (state.status === "failed") {
    return (
      <div
        role="alert"
        className="rounded-control border border-danger-line bg-danger-soft p-4 text-sm text-danger-ink"
      >
        <p className="font-semibold">{state.message}</p>
        <p className="mt-1">
          {state.action}{" "}
          {state.unconfirmed
            ? `Astra has not confirmed whether the ${createdWhat} was created, and the app could not find it yet. ` +
              `Your details are kept: send them again and Astra is asked with the same request, so it makes at most one ${createdWhat}.`
            : `No ${createdWhat} was created.`}
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
