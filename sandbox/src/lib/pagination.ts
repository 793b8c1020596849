// Pagination of list endpoints. Astra documents pages of 10-100 items (default 25), newest first, but not the
// parameter names; the emulator uses `page` (1-based) and `page_size`, and answers with `page`, `page_size`
// and `has_more` beside Astra's `count` (the total).
import { PAGE_SIZE } from "../../../lib/astra/schemas";
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

function readInteger(query: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = query[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new ApiError(400, `${name} must be a whole number.`);
  return Number(raw);
}

export function readPage(query: Record<string, string | undefined>): PageRequest {
  const page = readInteger(query, "page", 1);
  const pageSize = readInteger(query, "page_size", PAGE_SIZE.default);
  if (page < 1) throw new ApiError(400, "page must be 1 or more.");
  if (pageSize < PAGE_SIZE.min || pageSize > PAGE_SIZE.max) {
    throw new ApiError(400, `page_size must be between ${PAGE_SIZE.min} and ${PAGE_SIZE.max}.`);
  }
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function pageEnvelope(total: number, { page, pageSize }: PageRequest) {
  return { count: total, page, page_size: pageSize, has_more: page * pageSize < total };
}
