import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/ui/pager";
import { MAX_PAGE, pageHref, parsePageParam, readPageInfo } from "@/lib/paging";

describe("parsePageParam", () => {
  it("reads a plain page number", () => {
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("2")).toBe(2);
    expect(parsePageParam(String(MAX_PAGE))).toBe(MAX_PAGE);
  });

  it.each([
    undefined,
    null,
    "",
    "0",
    "-1",
    "02",
    "2.0",
    "1e3",
    " 2",
    "two",
    "0x10",
    String(MAX_PAGE + 1),
    "99999999999999999999",
  ])("falls back to page 1 for %j", (raw) => {
    expect(parsePageParam(raw)).toBe(1);
  });

  it("falls back to page 1 when the parameter is repeated", () => {
    expect(parsePageParam(["2", "3"])).toBe(1);
  });

  it("always answers a whole page from 1 to MAX_PAGE, whatever the URL holds", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const page = parsePageParam(raw);
        expect(Number.isInteger(page) && page >= 1 && page <= MAX_PAGE).toBe(true);
      }),
    );
  });
});

describe("readPageInfo", () => {
  const first = { page: 1, pageSize: 20 };

  it("believes has_more over everything else", () => {
    expect(readPageInfo({ has_more: false, count: 100 }, 20, first).hasMore).toBe(false);
    expect(readPageInfo({ has_more: true }, 3, first).hasMore).toBe(true);
  });

  it("counts pages from count when has_more is absent", () => {
    expect(readPageInfo({ count: 41 }, 20, first)).toEqual({ page: 1, hasMore: true, count: 41, pageCount: 3 });
    expect(readPageInfo({ count: 40, page: 2 }, 20, { page: 2, pageSize: 20 })).toMatchObject({
      hasMore: false,
      pageCount: 2,
    });
    expect(readPageInfo({ count: 0 }, 0, first)).toMatchObject({ hasMore: false, pageCount: 1 });
  });

  it("infers maybe-more from a full page when neither has_more nor count is sent", () => {
    expect(readPageInfo({}, 20, first)).toEqual({ page: 1, hasMore: true, count: null, pageCount: null });
    expect(readPageInfo({}, 19, first).hasMore).toBe(false);
    expect(readPageInfo({}, 0, { page: 3, pageSize: 20 })).toMatchObject({ page: 3, hasMore: false });
  });

  it("uses the page size Astra answered with, not the one asked for", () => {
    expect(readPageInfo({ page_size: 25 }, 20, first).hasMore).toBe(false);
    expect(readPageInfo({ page_size: 10, count: 25 }, 10, first).pageCount).toBe(3);
  });
});

describe("pageHref", () => {
  it("keeps other parameters and leaves page 1 out", () => {
    expect(pageHref("/routines", { status: "active" }, 1)).toBe("/routines?status=active");
    expect(pageHref("/routines", { status: "active", page: "9" }, 2)).toBe("/routines?status=active&page=2");
    expect(pageHref("/transfers", {}, 3)).toBe("/transfers?page=3");
    expect(pageHref("/transfers", { status: undefined }, 1)).toBe("/transfers");
  });
});

describe("pageWindow", () => {
  it("shows the ends and the pages either side of the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(pageWindow(10, 10)).toEqual([1, "gap", 9, 10]);
  });
});
