import Link from "next/link";
import { pageHref, type PageInfo } from "@/lib/paging";
import { cn } from "./cn";
import { EmptyState } from "./empty-state";

type PagerProps = {
  label: string;
  path: string;
  query?: Record<string, string | undefined>;
  info: PageInfo;
};

/** When the total is known: the ends, and one either side of the current page. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  const shown: (number | "gap")[] = [];
  for (const n of wanted) {
    const last = shown.at(-1);
    if (typeof last === "number" && n - last > 1) shown.push("gap");
    shown.push(n);
  }
  return shown;
}

const linkStyle =
  "rounded-control px-3 py-1.5 font-medium ring-1 ring-inset ring-line-strong bg-surface text-ink hover:bg-canvas";

/** Plain links rendered on the server: paging works without JavaScript and each page has an address. */
export function Pager({ label, path, query = {}, info }: PagerProps) {
  const { page, hasMore, pageCount } = info;
  if (page === 1 && !hasMore) return null;
  const href = (n: number) => pageHref(path, query, n);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={linkStyle}>
          ← Newer
        </Link>
      ) : null}
      {pageCount !== null && page <= pageCount ? (
        <ul className="flex flex-wrap items-center gap-1">
          {pageWindow(page, pageCount).map((n, i) =>
            n === "gap" ? (
              <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-subtle">
                …
              </li>
            ) : (
              <li key={n}>
                <Link
                  href={href(n)}
                  aria-current={n === page ? "page" : undefined}
                  aria-label={`Page ${n}`}
                  className={cn(linkStyle, n === page && "bg-brand text-on-brand ring-brand hover:bg-brand-hover")}
                >
                  {n}
                </Link>
              </li>
            ),
          )}
        </ul>
      ) : null}
      {hasMore ? (
        <Link href={href(page + 1)} rel="next" className={linkStyle}>
          Older →
        </Link>
      ) : null}
      <p className="text-muted" data-testid="page-position">
        {pageCount !== null ? `Page ${page} of ${pageCount}` : `Page ${page}`}
      </p>
    </nav>
  );
}

export function PastTheEnd({
  path,
  query = {},
  page,
}: {
  path: string;
  query?: Record<string, string | undefined>;
  page: number;
}) {
  return (
    <EmptyState compact>
      Nothing on page {page}.{" "}
      <Link href={pageHref(path, query, 1)} className="font-medium text-brand-strong underline">
        Go to the first page
      </Link>
      .
    </EmptyState>
  );
}
