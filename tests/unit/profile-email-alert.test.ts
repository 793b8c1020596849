import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormAlert } from "@/components/forms/form-alert";
import type { ActionState } from "@/lib/server-action";

const failed = (unconfirmed: boolean): ActionState => ({
  status: "failed",
  kind: "unavailable",
  message: "Astra is not reachable right now",
  action: "Try again in a moment.",
  requestId: null,
  unconfirmed,
  values: {},
});
const email = {
  notDone: "Your email was not changed.",
  unconfirmed: "Astra has not confirmed whether your email changed.",
};

const render = (state: ActionState, createdWhat: string, outcome?: typeof email) =>
  renderToStaticMarkup(createElement(FormAlert, { state, createdWhat, outcome }));

// The email PATCH creates nothing and carries no Idempotency-Key: its failure must not speak of one.
describe("a failed email change", () => {
  it("says the email was not changed, or that it may have been, never that a retry is idempotent", () => {
    const notDone = render(failed(false), "email change", email);
    expect(notDone).toContain("Your email was not changed.");
    expect(notDone).not.toContain("was created");
    const unsure = render(failed(true), "email change", email);
    expect(unsure).toContain("Astra has not confirmed whether your email changed.");
    expect(unsure).not.toContain("same request");
  });

  it("keeps the create wording for forms that create something", () => {
    expect(render(failed(false), "routine")).toContain("No routine was created.");
  });
});
