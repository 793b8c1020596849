// Sandbox Settings for what Astra enables per client on request: debit card routines, T+0 and real-time speeds.
import { describe, expect, it } from "vitest";
import { dashboardSuite, settingsFields } from "./dashboard-helpers";
import { DEFAULT_APP } from "./helpers";

const suite = dashboardSuite();
const settingsPath = `/dashboard/apps/${DEFAULT_APP.clientId}`;

const seededApp = async () => {
  const app = await suite.sandbox.store.apps.findByClientId(DEFAULT_APP.clientId);
  if (!app) throw new Error("The seeded app is missing.");
  return app;
};

describe("Sandbox Settings: debit routines and instant speeds", () => {
  it("are off for the seeded app and shown as unticked boxes", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const html = await (await suite.dashboard.get(settingsPath, cookie)).text();
    expect(html).toMatch(/id="debit_enabled"(?![^>]*checked)[^>]*>/);
    expect(html).toMatch(/id="instant_speeds_enabled"(?![^>]*checked)[^>]*>/);
    expect(await seededApp()).toMatchObject({ debitEnabled: false, instantSpeedsEnabled: false });
  });

  it("Save Changes switches each on and off again, leaving the other settings alone", async () => {
    const cookie = await suite.dashboard.logInSeeded();
    const before = await seededApp();
    const on = settingsFields(before, { debit_enabled: "on", instant_speeds_enabled: "on" });
    expect((await suite.dashboard.post(settingsPath, on, cookie)).status).toBe(303);
    expect(await seededApp()).toMatchObject({
      debitEnabled: true,
      instantSpeedsEnabled: true,
      testPhonesEnabled: before.testPhonesEnabled,
      redirectUris: before.redirectUris,
    });
    const html = await (await suite.dashboard.get(settingsPath, cookie)).text();
    expect(html).toMatch(/id="debit_enabled"[^>]*checked/);
    const off = settingsFields(await seededApp(), { debit_enabled: undefined });
    expect((await suite.dashboard.post(settingsPath, off, cookie)).status).toBe(303);
    expect(await seededApp()).toMatchObject({ debitEnabled: false, instantSpeedsEnabled: true });
  });
});
