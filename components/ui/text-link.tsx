import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

type TextLinkProps = ComponentProps<typeof Link> & {
  /** Inside a sentence: always underlined, so the link does not rely on colour alone. */
  inline?: boolean;
};

/** A link in the brand's link colour, standing alone (underlined on hover) or inside a sentence. */
export function TextLink({ inline = false, className, ...props }: TextLinkProps) {
  return (
    <Link
      className={cn("font-medium text-brand-strong", inline ? "underline" : "hover:underline", className)}
      {...props}
    />
  );
}
