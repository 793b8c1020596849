// Branding and navigation as data, so a fork renames and re-colours the product in one place: the header's logo,
// the icon, the social card, the landing page and the name on Astra's consent screen (in emulator and demo mode)
// all read it.
export const siteConfig = {
  name: "Astra Starter",
  headline: "Move money between bank accounts with Astra, from a Next.js app you own.",
  /** The landing page's line under the headline, and its feature cards. */
  tagline:
    "Sign in with Astra, see your linked accounts and their balances, and build your own integration on a codebase that works the first time.",
  features: [
    {
      title: "Astra's own sign-in",
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
  ],
  description: "A Next.js template for Astra: sign in with Astra, see linked bank accounts, and move money.",
  /** sRGB hex. White text sits on it, so it must keep 4.5:1 against white (tests/unit/brand-contrast.test.ts). */
  brandColor: "#4f39f6",
  signedInNav: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/routines", label: "Routines" },
    { href: "/transfers", label: "Transfers" },
    { href: "/profile", label: "Profile" },
  ],
} as const;

export const ENVIRONMENT_LABELS = {
  emulator: "Local emulator",
  demo: "Demo emulator",
  sandbox: "Astra sandbox",
  production: "Production",
} as const;
