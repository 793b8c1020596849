// The base every emulator page shares (the module pages and the dashboard): palette, reset, type, forms,
// buttons, tables, alerts and focus. Each shell adds its own layout after it, so a page-specific rule wins.
// Colours are tokens only: the light values below, the dark ones when the system asks for dark, so a page
// rule never names a colour of its own.
export const BASE_CSS = `
:root { color-scheme: light; --ink: #1a1f36; --muted: #4a5266; --brand: #0b57a4; --brand-dark: #083f78;
  --on-brand: #fff; --danger: #b0221a; --ok: #1d6b35; --line: #d5dbe3; --bg: #f3f5f9; --focus: #c46a00;
  --surface: #fff; --surface-soft: #eef1f5; --hover: #eef4fb; --field-line: #7b8496;
  --badge-ink: #5c3d00; --badge-bg: #fdecc8; --alert-bg: #fdf0ef; --ok-line: #8cc7a0; --ok-bg: #edf8f0;
  --notice-ink: #4d3600; --notice-bg: #fff7e0; --notice-line: #eed28a; --pending: #7a5200;
  --shadow: rgba(16, 24, 40, 0.08); --shadow-strong: rgba(16, 24, 40, 0.12); }
@media (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --ink: #e7eaf1; --muted: #b6bfcd; --brand: #7cb6f4; --brand-dark: #a8cff8;
    --on-brand: #0a1422; --danger: #ff9a91; --ok: #86d9a0; --line: #344154; --bg: #0e131b; --focus: #ffb454;
    --surface: #18202b; --surface-soft: #232d3b; --hover: #22304a; --field-line: #8a95a8;
    --badge-ink: #fde3ad; --badge-bg: #4a3400; --alert-bg: #3b1714; --ok-line: #2f6b43; --ok-bg: #11301c;
    --notice-ink: #fde3ad; --notice-bg: #382905; --notice-line: #7a5d14; --pending: #f5c66e;
    --shadow: rgba(0, 0, 0, 0.35); --shadow-strong: rgba(0, 0, 0, 0.5); }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: var(--bg); }
.site-header { background: var(--surface); border-bottom: 1px solid var(--line); padding: 0.75rem 1.25rem;
  display: flex; align-items: center; }
.badge { font-size: 0.75rem; font-weight: 600; color: var(--badge-ink); background: var(--badge-bg);
  border-radius: 999px; padding: 0.125rem 0.5rem; }
p { color: var(--muted); margin: 0 0 1rem; }
a { color: var(--brand); }
.field { margin-bottom: 1.25rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { font-size: 0.875rem; margin: 0 0 0.375rem; }
input, textarea, select { width: 100%; font: inherit; color: var(--ink); background: var(--surface);
  border: 1px solid var(--field-line); border-radius: 8px; }
.error { color: var(--danger); font-size: 0.9375rem; font-weight: 600; margin: 0.375rem 0 0; }
.alert { color: var(--danger); border: 1px solid var(--danger); background: var(--alert-bg); border-radius: 8px;
  padding: 0.75rem; }
.success { color: var(--ok); border: 1px solid var(--ok-line); background: var(--ok-bg); border-radius: 8px;
  padding: 0.75rem; }
.notice { color: var(--notice-ink); background: var(--notice-bg); border: 1px solid var(--notice-line);
  border-radius: 8px; padding: 0.75rem; }
button, .button { font: inherit; font-weight: 600; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--brand); background: var(--brand); color: var(--on-brand); text-decoration: none; }
button:hover, .button:hover { background: var(--brand-dark); }
button.secondary, .button.secondary { background: var(--surface); color: var(--brand); }
button.secondary:hover, .button.secondary:hover { background: var(--hover); }
table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; }
th, td { text-align: left; padding: 0.5rem 0.625rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.nowrap { white-space: nowrap; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;
