import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { moduleAnswers } from "@/lib/astra/module-urls";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(status: number): Promise<string> {
  server = createServer((_, response) => response.writeHead(status).end());
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("moduleAnswers", () => {
  it("is true for any HTTP answer, an error status included", async () => {
    expect(await moduleAnswers({ astraAppUrl: await listen(404) })).toBe(true);
  });

  it("is false when nothing listens at the address", async () => {
    const url = await listen(200);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect(await moduleAnswers({ astraAppUrl: url })).toBe(false);
  });
});
