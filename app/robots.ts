import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { publicDemo } from "@/lib/plugins";

/** The public demo is a playground, kept out of search results; any other deployment is a fork's own site. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // Per request: one build serves both, and the mode is read at start-up (lib/env.ts).
  await connection();
  return { rules: { userAgent: "*", ...(publicDemo() ? { disallow: "/" } : { allow: "/" }) } };
}
