import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as defaults from "@/config/emulator-defaults";

// The code reads the emulator's defaults from config/emulator-defaults.ts; the docs spell them out so a newcomer
// can copy them. This keeps the two from drifting: change a default and the docs must change with it.
const ROOT = path.resolve(import.meta.dirname, "../..");
const emulatorReadme = readFileSync(path.join(ROOT, "packages/astra-emulator/README.md"), "utf8");

const values = Object.entries(defaults).flatMap(([name, value]) =>
  typeof value === "string"
    ? [[name, value]]
    : Array.isArray(value)
      ? value.map((uri, i) => [`${name}[${i}]`, uri])
      : [],
);

describe("the emulator's defaults", () => {
  it("are the ones packages/astra-emulator/README.md documents", () => {
    expect(values.length).toBeGreaterThan(5);
    for (const [name, value] of values) expect(emulatorReadme, name).toContain(value);
  });
});
