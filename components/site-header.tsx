import Link from "next/link";
import { SignOutButton } from "@/components/auth-buttons";
import { EnvironmentBadge } from "@/components/environment-badge";
import { LogoMark } from "@/components/logo-mark";
import { siteConfig } from "@/config/site";
import { auth } from "@/lib/auth/next-auth";

export async function SiteHeader() {
  const session = await auth();
  return (
    <header className="border-b border-line bg-surface">
      <a
        href="#main"
        className="sr-only rounded-control bg-surface text-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:p-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex min-h-16 w-full max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-3">
          <Link href={session ? "/dashboard" : "/"} className="flex items-center gap-2 font-semibold">
            <LogoMark size={28} />
            {siteConfig.name}
          </Link>
          <EnvironmentBadge />
        </div>
        {session ? (
          <nav aria-label="Account" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {siteConfig.signedInNav.map((item) => (
              <Link key={item.href} href={item.href} className="font-medium text-muted hover:text-ink">
                {item.label}
              </Link>
            ))}
            <span className="hidden text-subtle sm:inline" data-testid="signed-in-user">
              {session.user.name}
            </span>
            <SignOutButton />
          </nav>
        ) : null}
      </div>
    </header>
  );
}
