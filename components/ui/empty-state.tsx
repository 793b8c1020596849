import type { ReactNode } from "react";
import { cn } from "./cn";

type EmptyStateProps = {
  title?: string;
  children: ReactNode;
  action?: ReactNode;
  compact?: boolean;
};

export function EmptyState({ title, children, action, compact = false }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "rounded-panel border border-dashed border-line-strong bg-surface",
        compact ? "p-5" : "p-8 text-center",
      )}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div className={cn("text-sm text-muted", title && "mx-auto mt-1 max-w-md")}>{children}</div>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
