#!/usr/bin/env node
// `npx astra-emulator` / `npm run emulator`: runs the TypeScript source through tsx, no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/index.ts");
