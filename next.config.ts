import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Next 16 writes an AGENTS.md into the project when it thinks a coding agent runs `next dev`.
  agentRules: false,
  poweredByHeader: false,
  // The emulator lives in sandbox/ and is its own program; keep it out of the app's type and lint passes' way.
  outputFileTracingExcludes: { "*": ["sandbox/**", ".sandbox/**", "tests/**"] },
};

export default nextConfig;
