import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TestUserForm } from "@/components/test-user-form";
import { PageHeader } from "@/components/ui/page-header";
import { getEnv } from "@/lib/env";
import { publicDemo, testUserOutcomes } from "@/lib/plugins";
import { createTestUser } from "./actions";

export const metadata: Metadata = { title: "Create a test user" };

// Astra's getting-started step 2: register a person as a user intent, then let them sign in as themselves.
export default function TestUserPage() {
  const env = getEnv();
  // The public demo's visitors are made only by Try the demo: counted, limited and cleaned up.
  if (env.astraEnv === "production" || publicDemo()) notFound();
  const kyc = testUserOutcomes();
  const outcomes = kyc ? Object.entries(kyc.choices).map(([value, { label }]) => ({ value, label })) : null;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title="Create a test user"
        description="The app registers these details with Astra as a user intent, using its own credentials, then sends you to Astra to verify the phone number and authorize the app — just as a real customer would."
      />
      <TestUserForm action={createTestUser} initialIdempotencyKey={randomUUID()} outcomes={outcomes} />
    </div>
  );
}
