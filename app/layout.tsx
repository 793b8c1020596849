import type { Metadata } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import { connection } from "next/server";
import { SiteHeader } from "@/components/site-header";
import { siteConfig } from "@/config/site";
import { getEnv } from "@/lib/env";
import { addressedOrigin } from "@/lib/http/framework-input";
import { publicDemo } from "@/lib/plugins";
import "./globals.css";

// "optional", not preloaded: on a slow first visit the page paints in the system font without waiting for the file
// or sharing the network with it, and never re-flows when Geist arrives (a swap re-wrapped the header on phones,
// layout shift 0.35); later page loads find the file cached and use it. As nothing swaps, no fallback is sized.
const geistSans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
});

export async function generateMetadata(): Promise<Metadata> {
  const origin = addressedOrigin(await headers(), new URL("http://localhost"), getEnv().authUrl);
  return {
    metadataBase: new URL(origin),
    title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
    description: siteConfig.description,
    openGraph: {
      type: "website",
      siteName: siteConfig.name,
      title: siteConfig.name,
      description: siteConfig.description,
    },
    twitter: { card: "summary_large_image" },
    // robots.txt only stops crawling: a page linked from elsewhere could still be listed without this.
    ...(publicDemo() ? { robots: { index: false, follow: false } } : {}),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next stamps proxy.ts's CSP nonce on its scripts only then (a prerendered
  // page would carry none, and the policy would block its scripts).
  await connection();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={geistSans.variable}>
      <head>
        <style nonce={nonce}>{`:root{--brand:${siteConfig.brandColor}}`}</style>
      </head>
      <body className="min-h-screen font-sans">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
