// `npm run emulator`: the emulator, with the app it seeds named as config/site.ts names this one, so its consent
// screen asks for access on behalf of this product. EMULATOR_APP_NAME overrides it.
import { siteConfig } from "../config/site";

process.env.EMULATOR_APP_NAME ??= siteConfig.name;
await import("../packages/astra-emulator/src/index");
