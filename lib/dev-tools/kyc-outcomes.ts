// The emulator picks a user intent's KYC outcome by a magic `ip_address` (its README, "Magic values").
export const KYC_OUTCOMES = {
  approved: { label: "Approved", ipAddress: "198.51.100.200" },
  pending: { label: "Pending, then approved", ipAddress: "198.51.100.1" },
  retry: { label: "Retry (re-enter details)", ipAddress: "198.51.100.2" },
  document: { label: "Document (photo ID)", ipAddress: "198.51.100.3" },
  rejected: { label: "Rejected", ipAddress: "198.51.100.4" },
} as const;

export const kycOutcomes = { ssn: "9999", choices: KYC_OUTCOMES }; // the emulator accepts any SSN
