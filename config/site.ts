// Branding and navigation as data, so a fork renames the product in one place.
export const siteConfig = {
  name: "Astra Starter",
  description: "A Next.js template for Astra: sign in with Astra, see linked bank accounts, and move money.",
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
