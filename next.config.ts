import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Next 16 writes an AGENTS.md into the project when it thinks a coding agent runs `next dev`.
  agentRules: false,
  poweredByHeader: false,
  // Browsers and crawlers ask for /favicon.ico whatever a page links: answer with the generated icon (app/icon.tsx).
  rewrites: async () => [{ source: "/favicon.ico", destination: "/icon" }],
  // The emulator's code is traced in where the app imports it (demo mode mounts it at /emulator); its docs, the
  // standalone emulator's data, the demo's local SQLite file and the tests never ship.
  outputFileTracingExcludes: {
    "*": ["packages/astra-emulator/docs/**", "packages/astra-emulator/tests/**", ".sandbox/**", ".data/**", "tests/**"],
  },
};

export default nextConfig;
