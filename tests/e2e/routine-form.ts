// The new-routine form as a person fills it in, for every spec that needs a routine made through the app.
import { expect, type Page } from "@playwright/test";

export type RoutineInput = { type?: "one-time" | "recurring"; name: string; amount: string; frequency?: string };

export async function openNewRoutine(page: Page) {
  await page.goto("/routines/new");
  await expect(page.getByRole("heading", { name: "New routine" })).toBeVisible();
}

/** Fills the form from the seed user's checking account to her savings. */
export async function fillRoutine(page: Page, routine: RoutineInput) {
  if (routine.type === "recurring") await page.getByLabel("Recurring transfer").check();
  await page.getByLabel("Name").fill(routine.name);
  await page.getByLabel("From").selectOption({ label: "Everyday Checking •••• 4417" });
  await page.getByLabel("To", { exact: true }).selectOption({ label: "High-Yield Savings •••• 9021" });
  await page.getByLabel("Amount (USD)").fill(routine.amount);
  if (routine.frequency) await page.getByLabel("Repeats").selectOption({ label: routine.frequency });
}

/** A one-time $4 routine between a demo visitor's first two accounts (their masks are random). */
export async function fillVisitorRoutine(page: Page, name: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("From").selectOption({ index: 0 });
  await page.getByLabel("To", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Amount (USD)").fill("4");
}

/** Review, then Confirm and create. */
export async function confirm(page: Page) {
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Confirm and create" }).click();
}
