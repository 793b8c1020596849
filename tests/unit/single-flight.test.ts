import { afterEach, describe, expect, it, vi } from "vitest";
import { createSingleFlight } from "@/lib/auth/single-flight";

afterEach(() => vi.useRealTimers());

describe("createSingleFlight", () => {
  it("runs one task for parallel callers with the same key", async () => {
    const run = createSingleFlight<number>({ reuseResultForMs: 1_000 });
    let calls = 0;
    const task = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return calls;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => run("session-a", task)));
    expect(calls).toBe(1);
    expect(new Set(results)).toEqual(new Set([1]));
  });

  it("keeps different keys apart", async () => {
    const run = createSingleFlight<string>({ reuseResultForMs: 1_000 });
    const [a, b] = await Promise.all([run("a", async () => "A"), run("b", async () => "B")]);
    expect([a, b]).toEqual(["A", "B"]);
  });

  it("reuses a settled result for late callers, then forgets it", async () => {
    vi.useFakeTimers();
    const run = createSingleFlight<number>({ reuseResultForMs: 60_000 });
    const task = vi.fn(async () => 42);
    await run("k", task);
    vi.advanceTimersByTime(59_000);
    await run("k", task);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    await run("k", task);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("does not reuse a failure", async () => {
    const run = createSingleFlight<number>({ reuseResultForMs: 60_000 });
    await expect(run("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(run("k", async () => 7)).resolves.toBe(7);
  });
});
