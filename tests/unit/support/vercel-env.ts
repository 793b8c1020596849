export const SECRET = "a-real-secret-of-enough-length";

/** What Vercel sets in production, plus `extra`. */
export const onVercel = (extra: Record<string, string>) => ({
  NODE_ENV: "production",
  AUTH_SECRET: SECRET,
  VERCEL: "1",
  VERCEL_URL: "astra-demo-abc123-team.vercel.app",
  VERCEL_PROJECT_PRODUCTION_URL: "astra-demo.vercel.app",
  VERCEL_BRANCH_URL: "astra-demo-git-feature-team.vercel.app",
  // What the Deploy button's Neon integration adds.
  DATABASE_URL: "postgres://u:p@db.example.com/app",
  ...extra,
});
