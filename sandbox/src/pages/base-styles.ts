// The base every emulator page shares (the module pages and the dashboard): palette, reset, type, forms,
// buttons, tables, alerts and focus. Each shell adds its own layout after it, so a page-specific rule wins.
export const BASE_CSS = `
:root { --ink: #1a1f36; --muted: #4a5266; --brand: #0b57a4; --brand-dark: #083f78; --danger: #b0221a;
  --ok: #1d6b35; --line: #d5dbe3; --bg: #f3f5f9; --focus: #c46a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  background: var(--bg); }
.site-header { background: #fff; border-bottom: 1px solid var(--line); padding: 0.75rem 1.25rem;
  display: flex; align-items: center; }
.badge { font-size: 0.75rem; font-weight: 600; color: #5c3d00; background: #fdecc8; border-radius: 999px;
  padding: 0.125rem 0.5rem; }
p { color: var(--muted); margin: 0 0 1rem; }
a { color: var(--brand); }
.field { margin-bottom: 1.25rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.hint { font-size: 0.875rem; margin: 0 0 0.375rem; }
input, textarea, select { width: 100%; font: inherit; color: var(--ink); background: #fff;
  border: 1px solid #7b8496; border-radius: 8px; }
.error { color: var(--danger); font-size: 0.9375rem; font-weight: 600; margin: 0.375rem 0 0; }
.alert { color: var(--danger); border: 1px solid var(--danger); background: #fdf0ef; border-radius: 8px; padding: 0.75rem; }
.success { color: var(--ok); border: 1px solid #8cc7a0; background: #edf8f0; border-radius: 8px; padding: 0.75rem; }
.notice { color: #4d3600; background: #fff7e0; border: 1px solid #eed28a; border-radius: 8px; padding: 0.75rem; }
button, .button { font: inherit; font-weight: 600; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--brand); background: var(--brand); color: #fff; text-decoration: none; }
button:hover, .button:hover { background: var(--brand-dark); }
button.secondary, .button.secondary { background: #fff; color: var(--brand); }
button.secondary:hover, .button.secondary:hover { background: #eef4fb; }
table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; }
th, td { text-align: left; padding: 0.5rem 0.625rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;
