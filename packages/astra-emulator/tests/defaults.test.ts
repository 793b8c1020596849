import { describe, expect, it } from "vitest";
import * as appCopy from "../../../config/emulator-defaults";
import * as defaults from "../src/defaults";

describe("the emulator's defaults", () => {
  it("equal the app's copy in config/emulator-defaults.ts, which it falls back to with ASTRA_ENV=emulator", () => {
    expect(Object.keys(defaults).length).toBeGreaterThan(5);
    expect({ ...appCopy }).toEqual({ ...defaults });
  });
});
