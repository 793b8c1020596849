// Paging over Astra's lists: which page the URL asks for, and whether Astra has more after the one it sent.
import { z } from "zod";
import type { paginationFieldsSchema } from "./astra/schemas";

/**
 * Far past any real list, and small enough that Astra's `(page - 1) * page_size` stays exact. A page beyond the
 * end of a list is simply empty; only a number past this is treated as a mistake.
 */
export const MAX_PAGE = 10_000;

/** `?page=` from the URL: a whole number from 1 to MAX_PAGE, written plainly ("2", not "02" or "2.0"). */
export const pageParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE));

/** The page the URL asks for; anything missing, repeated or unreadable is page 1 (never an error page). */
export function parsePageParam(raw: string | string[] | undefined | null): number {
  const parsed = pageParamSchema.safeParse(raw ?? undefined);
  return parsed.success ? parsed.data : 1;
}

type PaginationFields = z.infer<typeof paginationFieldsSchema>;

export type PageInfo = {
  page: number;
  /** Whether a later page may hold more. */
  hasMore: boolean;
  /** Total across all pages, when Astra said. */
  count: number | null;
  /** How many pages there are, when `count` is known. */
  pageCount: number | null;
};

/**
 * What one answer says about the pages around it. Astra's `has_more` wins; failing that `count` decides; with
 * neither, a full page means there may be more (one click too many at worst, never a page out of reach).
 */
export function readPageInfo(
  fields: PaginationFields,
  itemsOnPage: number,
  requested: { page: number; pageSize: number },
): PageInfo {
  const page = fields.page ?? requested.page;
  const pageSize = fields.page_size ?? requested.pageSize;
  const count = fields.count ?? null;
  const hasMore = fields.has_more ?? (count !== null ? page * pageSize < count : itemsOnPage >= pageSize);
  const pageCount = count === null ? null : Math.max(1, Math.ceil(count / pageSize));
  return { page, hasMore, count, pageCount };
}

/** `path?…&page=N`, leaving page 1 out so the first page keeps its plain address. */
export function pageHref(path: string, query: Record<string, string | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== "page") params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
