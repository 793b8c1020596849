import type { HTMLAttributes } from "react";
import { cn } from "./cn";

type PanelProps = HTMLAttributes<HTMLElement> & {
  as?: "div" | "section" | "ul" | "ol" | "article";
  /** A list of rows with a faint line between them. */
  divided?: boolean;
};

/** The bordered white box everything sits in: cards, lists, sections. Padding is the caller's. */
export function Panel({ as: Element = "div", divided = false, className, ...props }: PanelProps) {
  return (
    <Element
      className={cn("rounded-panel border border-line bg-surface", divided && "divide-y divide-line-faint", className)}
      {...props}
    />
  );
}

/** One row of a divided `Panel as="ul"`: its parts spread across, wrapping on a narrow screen (long names too). */
export function PanelRow({ className, ...props }: HTMLAttributes<HTMLLIElement>) {
  return (
    <li
      className={cn("flex flex-wrap items-center justify-between gap-3 px-4 py-3 wrap-anywhere", className)}
      {...props}
    />
  );
}
