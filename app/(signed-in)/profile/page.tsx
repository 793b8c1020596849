import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { Suspense } from "react";
import { loadPageData } from "@/components/load-page-data";
import { ProfileForm } from "@/components/profile/profile-form";
import { StatusBadge } from "@/components/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Panel, PanelRow } from "@/components/ui/panel";
import type { StatusWords } from "@/lib/astra/status-words";
import { getCapabilities, getPhoneChangeRequests, getUser } from "@/lib/astra/users";
import { requestAddressChangeAction, requestPhoneChangeAction, updateEmailAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

const ALLOWED: StatusWords = { label: "Allowed", tone: "positive", explanation: "" };
const NOT_ALLOWED: StatusWords = { label: "Not allowed", tone: "negative", explanation: "" };

export default function ProfilePage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Profile" description="Your details at Astra, and what Astra lets you do." />
      <Suspense fallback={<Panel className="h-64 animate-pulse" role="status" aria-label="Loading your profile" />}>
        <ProfileDetails />
      </Suspense>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Panel as="section" aria-label={title} className="space-y-4 p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </Panel>
  );
}

async function ProfileDetails() {
  const loaded = await loadPageData(
    async (token) => {
      const user = await getUser(token);
      const [capabilities, phoneRequests] = await Promise.all([
        getCapabilities(token, user.id),
        getPhoneChangeRequests(token),
      ]);
      return { user, capabilities, phoneRequests };
    },
    { path: "/profile" },
  );
  if (!loaded.ok) return loaded.panel;
  const { user, capabilities, phoneRequests } = loaded.data;

  return (
    <div className="space-y-6">
      <Section title="What you can do">
        {capabilities.length === 0 ? (
          <p className="text-sm text-muted">Astra listed nothing here. If something is refused, contact support.</p>
        ) : (
          <ul className="divide-y divide-line-faint">
            {capabilities.map((capability) => (
              <PanelRow key={capability.name} className="px-0">
                <div>
                  <p className="font-medium">{capability.label}</p>
                  {capability.reason ? <p className="text-sm text-muted">{capability.reason}</p> : null}
                </div>
                <StatusBadge words={capability.enabled ? ALLOWED : NOT_ALLOWED} />
              </PanelRow>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Email">
        <p className="text-sm text-muted">
          Now: <span className="text-ink">{user.email || "none"}</span>. A third change within a year limits what you
          can do.
        </p>
        <ProfileForm
          action={updateEmailAction}
          what="email change"
          submitLabel="Update email"
          fields={[{ name: "email", label: "New email", type: "email", autoComplete: "email" }]}
        />
      </Section>

      <Section title="Phone number">
        <p className="text-sm text-muted">
          Now: <span className="text-ink">{user.phone || "none"}</span>. One change request every 30 days; Astra reviews
          it, and you sign in with the new number once it is approved.
        </p>
        <ProfileForm
          action={requestPhoneChangeAction}
          what="phone change request"
          submitLabel="Request the change"
          initialIdempotencyKey={randomUUID()}
          fields={[{ name: "phone", label: "New phone number", type: "tel", autoComplete: "tel", hint: "10 digits." }]}
        />
        {phoneRequests.length > 0 ? (
          <ul aria-label="Phone change requests" className="divide-y divide-line-faint text-sm">
            {phoneRequests.map((request) => (
              <PanelRow key={request.id} className="px-0">
                <span>{request.phone}</span>
                <span className="text-muted">
                  {request.status}
                  {request.requested ? `, requested ${request.requested}` : ""}
                </span>
              </PanelRow>
            ))}
          </ul>
        ) : null}
      </Section>

      <Section title="Address">
        <p className="text-sm text-muted">
          Fill in only what changed. Two change requests every 120 days; Astra reviews each.
        </p>
        <ProfileForm
          action={requestAddressChangeAction}
          what="address change request"
          submitLabel="Request the change"
          initialIdempotencyKey={randomUUID()}
          fields={[
            { name: "address1", label: "Street address", autoComplete: "address-line1" },
            { name: "address2", label: "Apartment, suite (optional)", autoComplete: "address-line2" },
            { name: "city", label: "City", autoComplete: "address-level2" },
            { name: "state", label: "State", autoComplete: "address-level1", hint: "Two letters, like CA." },
            { name: "postal_code", label: "ZIP code", autoComplete: "postal-code" },
          ]}
        />
      </Section>
    </div>
  );
}
