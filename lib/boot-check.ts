// Refuse to start with a broken configuration, printing every problem, instead of failing on the first request.
import { EnvError, getEnv } from "./env";
import { registerPlugins } from "./plugins";

export async function boot(): Promise<void> {
  try {
    getEnv();
    await registerPlugins();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
