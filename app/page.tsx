import Link from "next/link";
import { SignInButton } from "@/components/auth-buttons";
import { EmulatorHint, TryDemoButton } from "@/components/plugin-slots";
import { buttonStyles } from "@/components/ui/button-styles";
import { Panel } from "@/components/ui/panel";
import { siteConfig } from "@/config/site";
import { auth } from "@/lib/auth/next-auth";
import { getEnv } from "@/lib/env";
import { publicDemo } from "@/lib/plugins";

const FEATURES = [
  {
    title: "Sign in with Astra",
    body: "Astra's hosted OAuth module handles phone verification and consent; the app exchanges the code on the server.",
  },
  {
    title: "Tokens stay on the server",
    body: "Access and refresh tokens live in an encrypted, httpOnly cookie. The browser only ever sees your name.",
  },
  {
    title: "Runs offline",
    body: "A stateful emulator of Astra's sandbox ships with the project, so everything works without keys or internet.",
  },
];

export default async function HomePage() {
  const session = await auth();
  return (
    <div className="space-y-12">
      <section className="space-y-6 pt-6">
        <p className="text-sm font-semibold tracking-wide text-brand-strong uppercase">Next.js × Astra</p>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">{siteConfig.headline}</h1>
        <p className="max-w-2xl text-lg text-muted">
          Sign in with Astra, see your linked accounts and their balances, and build your own integration on a codebase
          that works the first time.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {session ? (
            <Link href="/dashboard" className={buttonStyles.primary}>
              Open your dashboard
            </Link>
          ) : (
            <>
              {/* Demo mode only: a fresh test user of the visitor's own, signed in through the module pages. */}
              <TryDemoButton />
              <SignInButton variant={getEnv().astraEnv === "demo" ? "secondary" : "primary"} />
              {getEnv().astraEnv === "production" || publicDemo() ? null : (
                <Link href="/test-user" className={buttonStyles.secondary}>
                  Create a test user
                </Link>
              )}
            </>
          )}
        </div>
        {session ? null : <EmulatorHint />}
      </section>
      <section aria-labelledby="features" className="grid gap-4 sm:grid-cols-3">
        <h2 id="features" className="sr-only">
          What this template does
        </h2>
        {FEATURES.map((feature) => (
          <Panel key={feature.title} className="p-5">
            <h3 className="font-semibold">{feature.title}</h3>
            <p className="mt-2 text-sm text-muted">{feature.body}</p>
          </Panel>
        ))}
      </section>
    </div>
  );
}
