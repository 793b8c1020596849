// Joins class names, skipping the falsy ones: cn("a", on && "b"). It does not resolve conflicting utilities
// (no tailwind-merge), so a caller adds classes that complement a component's, never ones that contradict it.
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}
