// fast-check runs per property: `npm test` (TEST_TIER=fast) runs a quarter, `npm run test:all` the full count.
export const fuzzRuns = (full: number) => (process.env.TEST_TIER === "fast" ? Math.ceil(full / 4) : full);
