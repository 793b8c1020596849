import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

it(".env.example declares each variable once", () => {
  const text = readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8");
  const names = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
  expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
});
