// Shared class lists for buttons and button-like links, so every action in the app looks the same.
const solid =
  "inline-flex items-center justify-center gap-2 rounded-control px-4 py-2.5 text-sm font-semibold shadow-sm";
const outlined = `${solid} bg-surface ring-1 ring-inset hover:bg-canvas`;

export const buttonStyles = {
  primary: `${solid} bg-brand text-on-brand hover:bg-brand-hover disabled:opacity-60`,
  secondary: `${outlined} text-ink ring-line-strong`,
  danger: `${outlined} text-danger ring-danger-line`,
  quiet: "inline-flex items-center gap-1 rounded-control px-2 py-1 text-sm font-medium text-muted hover:text-ink",
} as const;
