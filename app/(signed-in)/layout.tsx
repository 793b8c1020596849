import { redirect } from "next/navigation";
import { LiveUpdates } from "@/components/live-updates";
import { SignedInDrawer } from "@/components/plugin-slots";
import { auth } from "@/lib/auth/next-auth";

// proxy.ts already sends signed-out visitors to /signin with their path; this is the server-side backstop.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (!session) redirect("/signin");
  return (
    <>
      <LiveUpdates />
      {children}
      <SignedInDrawer />
    </>
  );
}
