// "Try the demo": shown only in demo mode (ASTRA_ENV=demo), where the emulator runs inside this app. A form
// posting to a server action, so it works before JavaScript loads, like the sign-in button.
import { buttonStyles } from "@/components/ui/button-styles";
import { startDemoVisit } from "@/lib/demo/start-visit";
import { getEnv } from "@/lib/env";

export function TryDemoButton({ variant = "primary" }: { variant?: keyof typeof buttonStyles }) {
  if (getEnv().astraEnv !== "demo") return null;
  return (
    <form
      action={async () => {
        "use server";
        await startDemoVisit();
      }}
    >
      <button type="submit" className={buttonStyles[variant]}>
        Try the demo
      </button>
    </form>
  );
}
