import type { HTMLAttributes } from "react";
import { cn } from "./cn";

type PanelProps = HTMLAttributes<HTMLElement> & {
  as?: "div" | "section" | "ul" | "ol" | "article";
  divided?: boolean;
};

/** Padding is the caller's. */
export function Panel({ as: Element = "div", divided = false, className, ...props }: PanelProps) {
  return (
    <Element
      className={cn("rounded-panel border border-line bg-surface", divided && "divide-y divide-line-faint", className)}
      {...props}
    />
  );
}

export function PanelRow({ className, ...props }: HTMLAttributes<HTMLLIElement>) {
  return (
    <li
      className={cn("flex flex-wrap items-center justify-between gap-3 px-4 py-3 wrap-anywhere", className)}
      {...props}
    />
  );
}
