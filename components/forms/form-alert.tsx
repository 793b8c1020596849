import type { ActionState } from "@/lib/server-action";
import { MAY_HAVE_HAPPENED_KINDS } from "./use-idempotency-key";

/** What went wrong with the last submission, above the form: Astra's failure, or what needs fixing. */
export function FormAlert({ state, createdWhat }: { state: ActionState; createdWhat: string }) {
  if (state.status === "failed") {
    const uncertain = MAY_HAVE_HAPPENED_KINDS.includes(state.kind);
    return (
      <div role="alert" className="rounded-control border border-danger-line bg-danger-soft p-4 text-sm text-danger-ink">
        <p className="font-semibold">{state.message}</p>
        <p className="mt-1">
          {state.action}{" "}
          {uncertain
            ? `The ${createdWhat} may have been created anyway; trying again will not create a second one.`
            : `No ${createdWhat} was created.`}
        </p>
        {state.requestId ? <p className="mt-1 font-mono text-xs">Request id: {state.requestId}</p> : null}
      </div>
    );
  }
  if (state.status === "invalid") {
    return (
      <div role="alert" className="rounded-control border border-danger-line bg-danger-soft p-3 text-sm text-danger-ink">
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
