// Before each file: make sure the shared user is signed in, under a hook timeout long enough for a person to
// finish the sandbox module by hand (the checks themselves keep the usual timeout).
import { beforeAll } from "vitest";
import { firstGrant } from "./session";
import { target } from "./target";

beforeAll(async () => {
  await firstGrant();
}, target().loginTimeoutMs + 60_000);
