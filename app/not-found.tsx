import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <p className="text-sm font-semibold text-brand-strong">404</p>
      <h1 className="text-2xl font-bold tracking-tight">This page does not exist</h1>
      <p className="text-muted">The link may be old, or the address mistyped.</p>
      <Link href="/" className={buttonStyles.secondary}>
        Go to the home page
      </Link>
    </div>
  );
}
