import type { ReactNode } from "react";

export const controlClass =
  "mt-1 block w-full rounded-control border border-line-strong bg-surface px-3 py-2 text-sm shadow-sm aria-invalid:border-danger focus:border-brand";

export type FieldMessages = { name: string; hint?: string; errors?: string[] };

/** Ties a control to its hint and error for screen readers. */
export function describeControl({ name, hint, errors }: FieldMessages) {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean);
  return {
    id: name,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": ids.join(" ") || undefined,
  } as const;
}

export function FieldFrame({
  name,
  label,
  hint,
  errors,
  className,
  children,
}: FieldMessages & { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium text-ink-soft">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-subtle">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
