// Pagination of list endpoints. Astra documents pages of 10-100 items (default 25), newest first, but not the
// parameter names; the emulator uses `page` (1-based) and `page_size`, and answers with `page`, `page_size`
// and `has_more` beside Astra's `count` (the total).
import { PAGE_SIZE } from "../wire-schemas";
import { ApiError } from "./create-app";

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** Far beyond any list the sandbox holds, and small enough that (page - 1) * page_size stays a safe integer. */
export const MAX_PAGE = 1_000_000;

const invalid = (name: string, message: string) =>
  new ApiError(400, `${name} ${message}.`, { fields: { [name]: [message] } });

function readInteger(query: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = query[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw invalid(name, "must be a whole number");
  // Leading zeros aside, more digits than this is out of range whatever the value; Number() would lose it.
  return raw.replace(/^0+(?=\d)/, "").length > 9 ? Number.MAX_SAFE_INTEGER : Number(raw);
}

export function readPage(query: Record<string, string | undefined>): PageRequest {
  const page = readInteger(query, "page", 1);
  const pageSize = readInteger(query, "page_size", PAGE_SIZE.default);
  if (page < 1 || page > MAX_PAGE) throw invalid("page", `must be between 1 and ${MAX_PAGE}`);
  if (pageSize < PAGE_SIZE.min || pageSize > PAGE_SIZE.max) {
    throw invalid("page_size", `must be between ${PAGE_SIZE.min} and ${PAGE_SIZE.max}`);
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function pageEnvelope(total: number, { page, pageSize }: PageRequest) {
  return { count: total, page, page_size: pageSize, has_more: page * pageSize < total };
}
