import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccountCard } from "@/components/accounts/account-card";
import { StatusBadge } from "@/components/status-badge";
import { TransferTable } from "@/components/transfers/transfer-table";
import { reshapeAccount } from "@/lib/astra/accounts";
import { accountSchema, transferSchema } from "@/lib/astra/schemas";
import { reshapeTransfer } from "@/lib/astra/transfers";
import { minimalAccount, minimalTransfer, percentageTransfer } from "./fixtures/minimal-astra";

// Components render Astra's minimal answers and unknown values in words: no "undefined", no "NaN", no crash.
function expectReadable(html: string) {
  // React appends an inline form-replay script; only the markup is what a person reads.
  expect(html.replace(/<script>.*?<\/script>/gs, "")).not.toMatch(/undefined|NaN|null/);
}

describe("components with minimal Astra data", () => {
  it("renders the transfers table with a pending transfer without a clearing date and an unknown status", () => {
    const transfers = [
      transferSchema.parse(minimalTransfer),
      transferSchema.parse({ ...percentageTransfer, estimated_clearing_date: null }),
      transferSchema.parse({ ...minimalTransfer, id: "trf_3", status: "returned" }),
    ].map(reshapeTransfer);
    const html = renderToStaticMarkup(
      createElement(TransferTable, {
        initial: { paging: { page: 1, hasMore: false, count: transfers.length, pageCount: 1 }, transfers },
        accountNames: {},
        cancelAction: async () => ({ status: "ok" as const, message: "" }),
      }),
    );
    expect(html).toContain("Unknown status: returned");
    expect(html).toContain("$1,250.00");
    expect(html).toContain("Another account");
    expectReadable(html);
  });

  it("renders an account card with only an id and a name", () => {
    const html = renderToStaticMarkup(
      createElement(AccountCard, { account: reshapeAccount(accountSchema.parse(minimalAccount)) }),
    );
    expect(html).toContain("Main Checking");
    expect(html).not.toContain("••••");
    expect(html).not.toContain("Needs attention");
    expectReadable(html);
  });

  it("renders a badge for a status the app does not know", () => {
    const { words } = reshapeTransfer(transferSchema.parse({ ...minimalTransfer, status: "on_hold" }));
    expect(renderToStaticMarkup(createElement(StatusBadge, { words }))).toContain("Unknown status: on_hold");
  });
});
