import type { SelectHTMLAttributes } from "react";
import { cn } from "./cn";
import { FieldFrame, controlClass, describeControl } from "./field-frame";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  /** Classes for the select itself (a width, say); `className` is for the wrapper. */
  selectClassName?: string;
};

/** A labelled select with its hint and error tied to it, like `Field` for inputs. */
export function SelectField({
  name,
  label,
  errors,
  hint,
  className,
  selectClassName,
  children,
  ...select
}: SelectFieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors} className={className}>
      <select {...describeControl({ name, hint, errors })} className={cn(controlClass, selectClassName)} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}
