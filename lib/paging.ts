import { z } from "zod";
import type { paginationFieldsSchema } from "./astra/schemas";

/** Small enough that Astra's `(page - 1) * page_size` stays exact. */
export const MAX_PAGE = 10_000;

export const pageParamSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE));

export function parsePageParam(raw: string | string[] | undefined | null): number {
  const parsed = pageParamSchema.safeParse(raw ?? undefined);
  return parsed.success ? parsed.data : 1;
}

type PaginationFields = z.infer<typeof paginationFieldsSchema>;

export type PageInfo = {
  page: number;
  hasMore: boolean;
  count: number | null;
  pageCount: number | null;
};

/** `has_more` wins, then `count`; with neither, a full page may have more (one click too many at worst). */
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

export function pageHref(path: string, query: Record<string, string | undefined>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== "page") params.set(key, value);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
