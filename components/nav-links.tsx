"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

type NavItem = { href: string; label: string };

export function NavLinks({ items }: { items: readonly NavItem[] }) {
  const pathname = usePathname();
  return items.map((item) => {
    const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
    return (
      <Link
        key={item.href}
        href={item.href}
        aria-current={current ? "page" : undefined}
        className={cn(
          "rounded-control px-2 py-1 font-medium",
          current ? "bg-brand-soft text-brand-strong" : "text-muted hover:text-ink",
        )}
      >
        {item.label}
      </Link>
    );
  });
}
