import type { ReactNode } from "react";
import { cn } from "./cn";

type EmptyStateProps = {
  title?: string;
  /** What the list would hold and how to fill it. */
  children: ReactNode;
  /** A button or link under the text. */
  action?: ReactNode;
  /** The small version for a section of a page rather than the whole page. */
  compact?: boolean;
};

/** A dashed box where a list would be, saying why it is empty and what to do. */
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
