import Link from "next/link";
import { SignInButton } from "@/components/auth-buttons";
import { EmulatorHint, TryDemoButton } from "@/components/plugin-slots";
import { ProductPreview } from "@/components/landing/product-preview";
import { buttonStyles } from "@/components/ui/button-styles";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { siteConfig } from "@/config/site";
import { auth } from "@/lib/auth/next-auth";
import { getEnv } from "@/lib/env";
import { publicDemo } from "@/lib/plugins";

export default async function HomePage() {
  const session = await auth();
  const mode = getEnv().astraEnv;
  return (
    <div className="space-y-16">
      <section className="grid items-center gap-10 pt-4 lg:grid-cols-[1fr_1.05fr]">
        <div className="space-y-6">
          <p className="text-sm font-semibold tracking-wide text-brand-strong uppercase">Next.js × Astra</p>
          <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">{siteConfig.headline}</h1>
          <p className="text-lg text-muted">{siteConfig.tagline}</p>
          {session ? (
            <Link href="/dashboard" className={buttonStyles.primary}>
              Open your dashboard
            </Link>
          ) : (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
              {/* One primary action per mode: the demo's own visitor, else Astra's sign-in. */}
              <TryDemoButton />
              <SignInButton variant={mode === "demo" ? "quiet" : "primary"} />
              {mode === "production" || publicDemo() ? null : (
                <TextLink href="/test-user" className="text-sm">
                  Create a test user
                </TextLink>
              )}
            </div>
          )}
          {session || mode === "demo" ? null : <EmulatorHint />}
        </div>
        <ProductPreview />
      </section>
      <section aria-labelledby="features" className="grid gap-4 sm:grid-cols-3">
        <h2 id="features" className="sr-only">
          What this template does
        </h2>
        {siteConfig.features.map((feature) => (
          <Panel key={feature.title} className="p-5">
            <h3 className="font-semibold">{feature.title}</h3>
            <p className="mt-2 text-sm text-muted">{feature.body}</p>
          </Panel>
        ))}
      </section>
    </div>
  );
}
