import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  minimalAccount,
  minimalRoutine,
  minimalTransfer,
  minimalUser,
  percentageTransfer,
} from "./fixtures/minimal-astra";

// Astra has no emulator clock to ask: "today" is the real date here (tests/unit/astra-today.test.ts covers it).
vi.mock("@/lib/astra/today", async () => ({
  astraToday: async () => (await import("@/lib/dates")).todayInAstraZone(),
}));

// The app's resource functions against a stand-in for Astra on loopback that answers only the fields Astra's
// docs and public clients agree on: no count on some lists, no page fields, no optional keys. The emulator
// always sends every key, so it cannot show whether the app copes with less.

type Answer = { status?: number; body: unknown };
const received: { method: string; path: string; body: unknown }[] = [];

function answerFor(method: string, path: string): Answer {
  if (method === "GET" && path === "/v1/transfers")
    return { body: { count: 2, transfers: [minimalTransfer, percentageTransfer] } };
  if (method === "GET" && path === "/v1/routines") return { body: { routines: [minimalRoutine] } };
  if (method === "GET" && path === "/v1/routines/rtn_1") return { body: minimalRoutine };
  if (method === "GET" && path === "/v1/routines/rtn_1/transfers") return { body: { transfers: [minimalTransfer] } };
  if (method === "POST" && path === "/v1/routines")
    return { status: 201, body: { ...minimalRoutine, id: "rtn_new", type: "one-time" } };
  if (method === "POST" && path === "/v1/transfers/trf_2/cancel")
    return { body: { ...percentageTransfer, status: "canceled" } };
  if (method === "GET" && path === "/v1/accounts") return { body: { count: 1, accounts: [minimalAccount] } };
  if (method === "GET" && path === "/v1/user") return { body: minimalUser };
  return { status: 404, body: { code: 404, name: "Not Found", description: `No ${method} ${path}` } };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

let server: Server;
let api: {
  transfers: typeof import("@/lib/astra/transfers");
  routines: typeof import("@/lib/astra/routines");
  accounts: typeof import("@/lib/astra/accounts");
  users: typeof import("@/lib/astra/users");
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const body = await readBody(request);
    received.push({ method: request.method ?? "GET", path: url.pathname, body });
    const { status = 200, body: answer } = answerFor(request.method ?? "GET", url.pathname);
    response.writeHead(status, { "content-type": "application/json", "request-id": `req-${received.length}` });
    response.end(JSON.stringify(answer));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  vi.stubEnv("ASTRA_API_URL", `http://127.0.0.1:${port}`);
  vi.resetModules(); // lib/env.ts caches the parsed environment
  api = {
    transfers: await import("@/lib/astra/transfers"),
    routines: await import("@/lib/astra/routines"),
    accounts: await import("@/lib/astra/accounts"),
    users: await import("@/lib/astra/users"),
  };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  server.close();
  await once(server, "close");
});

describe("the app against a stand-in Astra that sends only the documented minimum", () => {
  it("lists transfers, including a routine type the app never creates", async () => {
    const list = await api.transfers.getTransfers("tok");
    expect(list.paging).toMatchObject({ count: 2, hasMore: false, pageCount: 1 });
    expect(list.transfers.map((t) => t.words.label)).toEqual(["Completed", "Pending"]);
  });

  it("lists routines when the envelope has no count", async () => {
    const list = await api.routines.getRoutines("tok");
    expect(list.paging).toMatchObject({ count: null, hasMore: false, pageCount: null });
    expect(list.routines[0]).toMatchObject({ id: "rtn_1", schedule: "Recurring", startDate: null });
  });

  it("reads one routine and its transfers", async () => {
    const [routine, transfers] = await Promise.all([
      api.routines.getRoutine("tok", "rtn_1"),
      api.routines.getRoutineTransfers("tok", "rtn_1"),
    ]);
    expect(routine.words.label).toBe("Active");
    expect(transfers.transfers).toHaveLength(1);
  });

  it("reads accounts and the user with only an id and a name or status", async () => {
    const [accounts, user] = await Promise.all([api.accounts.getAccounts("tok"), api.users.getUser("tok")]);
    expect(accounts[0]).toMatchObject({ id: "acc_src", name: "Main Checking", mask: "" });
    expect(user).toEqual(minimalUser);
  });

  it("cancels a transfer answered with the docs' spelling, canceled", async () => {
    const cancelled = await api.transfers.cancelTransfer("tok", "trf_2");
    expect(cancelled).toMatchObject({ status: "canceled", cancellable: false });
    expect(cancelled.words.label).toBe("Cancelled");
  });

  it("creates a routine sending payment_type and a calendar start_date, and reads the minimal answer", async () => {
    const created = await api.routines.createRoutine(
      "tok",
      {
        type: "one-time",
        name: "Rent",
        payment_type: "ach",
        source_id: "acc_src",
        destination_id: "acc_dst",
        amount: 40,
        start_date: "2026-12-09",
      },
      "idem-1",
    );
    expect(created.id).toBe("rtn_new");
    const sent = received.find((r) => r.method === "POST" && r.path === "/v1/routines");
    expect(sent?.body).toMatchObject({ payment_type: "ach", start_date: "2026-12-09" });
  });
});
