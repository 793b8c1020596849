import Link from "next/link";
import { SignOutButton } from "@/components/auth-buttons";
import { EnvironmentBadge } from "@/components/environment-badge";
import { LogoMark } from "@/components/logo-mark";
import { NavLinks } from "@/components/nav-links";
import { siteConfig } from "@/config/site";
import { auth } from "@/lib/auth/next-auth";

function initials(name: string | null | undefined) {
  return (name ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join("");
}

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
          <nav aria-label="Account" className="-ml-2 flex flex-wrap items-center gap-x-1 gap-y-1 text-sm sm:ml-0">
            <NavLinks items={siteConfig.signedInNav} />
            <span className="ml-2 hidden items-center gap-2 border-l border-line pl-4 font-medium text-ink sm:inline-flex">
              <span
                aria-hidden
                className="grid size-7 place-items-center rounded-full bg-surface-muted text-xs font-semibold text-ink-soft"
              >
                {initials(session.user.name)}
              </span>
              <span data-testid="signed-in-user">{session.user.name}</span>
            </span>
            <SignOutButton />
          </nav>
        ) : null}
      </div>
    </header>
  );
}
