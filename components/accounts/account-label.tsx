/** An account's label ("Everyday Checking •••• 4417") whose mask never breaks across lines. */
export function AccountLabel({ label }: { label: string }) {
  const at = label.lastIndexOf(" •••• ");
  if (at < 0) return label;
  return (
    <>
      {label.slice(0, at)} <span className="whitespace-nowrap">{label.slice(at + 1)}</span>
    </>
  );
}
