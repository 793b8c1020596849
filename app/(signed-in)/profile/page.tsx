import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { Suspense } from "react";
import { loadPageData } from "@/components/load-page-data";
import { ProfileForm } from "@/components/profile/profile-form";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel, PanelRow } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import type { StatusWords } from "@/lib/astra/status-words";
import { getCapabilities, getPhoneChangeRequests, getUser } from "@/lib/astra/users";
import { formatPhone } from "@/lib/phone";
import { requestAddressChangeAction, requestPhoneChangeAction, updateEmailAction } from "./actions";

export const metadata: Metadata = { title: "Profile" };

const ALLOWED: StatusWords = { label: "Allowed", tone: "positive", explanation: "" };
const NOT_ALLOWED: StatusWords = { label: "Not allowed", tone: "negative", explanation: "" };
const PATH = "/profile";

export default function ProfilePage() {
  return (
    <div className="space-y-6">
      <PageHeader title="Profile" description="Your details at Astra, and what Astra lets you do." />
      <Section title="What you can do">
        <Suspense fallback={<CapabilitiesSkeleton />}>
          <Capabilities />
        </Suspense>
      </Section>

      <Section title="Email">
        <Suspense fallback={<LineSkeleton label="Loading your email" />}>
          <Current field="email" />
        </Suspense>
        <p className="text-sm text-muted">A third change within a year limits what you can do.</p>
        <ProfileForm
          action={updateEmailAction}
          what="email change"
          outcome={{
            notDone: "Your email was not changed.",
            unconfirmed:
              "Astra has not confirmed whether your email changed. Reload the page: the email shown above is the one Astra has. If it is not the new one, send the form again.",
          }}
          submitLabel="Update email"
          fields={[{ name: "email", label: "New email", type: "email", autoComplete: "email" }]}
        />
      </Section>

      <Section title="Phone number">
        <Suspense fallback={<LineSkeleton label="Loading your phone number" />}>
          <Current field="phone" />
        </Suspense>
        <p className="text-sm text-muted">
          One change request every 30 days; Astra reviews it, and you sign in with the new number once it is approved.
        </p>
        <ProfileForm
          action={requestPhoneChangeAction}
          what="phone change request"
          submitLabel="Request the change"
          initialIdempotencyKey={randomUUID()}
          fields={[{ name: "phone", label: "New phone number", type: "tel", autoComplete: "tel", hint: "10 digits." }]}
        />
        {/* Usually empty: a placeholder would leave a gap that closes, moving the sections below. */}
        <Suspense fallback={null}>
          <PhoneRequests />
        </Suspense>
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

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Panel as="section" aria-label={title} className="space-y-4 p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </Panel>
  );
}

// The placeholders below are as tall as what replaces them, so nothing below moves when the data streams in.
function LineSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label}>
      <Skeleton className="h-5 w-72 max-w-full" />
    </div>
  );
}

function CapabilitiesSkeleton() {
  return (
    <div role="status" aria-label="Loading what you can do">
      <ul className="divide-y divide-line-faint">
        {[0, 1, 2].map((row) => (
          <PanelRow key={row} className="px-0">
            <Skeleton className="my-0.5 h-5 w-40" />
            <Skeleton className="h-5 w-16 rounded-full" />
          </PanelRow>
        ))}
      </ul>
    </div>
  );
}

async function Capabilities() {
  const loaded = await loadPageData(async (token) => getCapabilities(token, (await getUser(token)).id), {
    path: PATH,
  });
  if (!loaded.ok) return loaded.panel;
  if (loaded.data.length === 0) {
    return <EmptyState compact>Astra listed nothing here. If something is refused, contact support.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-line-faint">
      {loaded.data.map((capability) => (
        <PanelRow key={capability.name} className="px-0">
          <div>
            <p className="font-medium">{capability.label}</p>
            {capability.reason ? <p className="text-sm text-muted">{capability.reason}</p> : null}
          </div>
          <StatusBadge words={capability.enabled ? ALLOWED : NOT_ALLOWED} />
        </PanelRow>
      ))}
    </ul>
  );
}

async function Current({ field }: { field: "email" | "phone" }) {
  const loaded = await loadPageData(getUser, { path: PATH });
  if (!loaded.ok) return loaded.panel;
  const { email, phone } = loaded.data;
  const value = field === "email" ? email : phone && formatPhone(phone);
  return (
    <p className="text-sm wrap-anywhere text-muted">
      Now: <span className="text-ink">{value || "none"}</span>
    </p>
  );
}

async function PhoneRequests() {
  const loaded = await loadPageData(getPhoneChangeRequests, { path: PATH });
  if (!loaded.ok) return loaded.panel;
  if (loaded.data.length === 0) return null;
  return (
    <ul aria-label="Phone change requests" className="divide-y divide-line-faint text-sm">
      {loaded.data.map((request) => (
        <PanelRow key={request.id} className="px-0">
          <span>{formatPhone(request.phone)}</span>
          <span className="text-muted">
            {request.status}
            {request.requested ? `, requested ${request.requested}` : ""}
          </span>
        </PanelRow>
      ))}
    </ul>
  );
}
