// A labelled input with its error message tied to it for screen readers.
import type { InputHTMLAttributes } from "react";
import { FieldFrame, controlClass, describeControl } from "@/components/ui/field-frame";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

export function Field({ name, label, errors, hint, className, ...input }: FieldProps) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors} className={className}>
      <input {...describeControl({ name, hint, errors })} className={controlClass} {...input} />
    </FieldFrame>
  );
}
