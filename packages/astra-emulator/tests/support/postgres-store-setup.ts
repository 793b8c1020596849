// setupFiles of the `emulator-pg` project: after each test file, close the Postgres stores it opened.
import { afterAll } from "vitest";
import { closeTestStores } from "./test-store";

afterAll(closeTestStores);
