// The pages Lighthouse measures need data: made through the app's own HTTP endpoints as its pages
// make it (sign-up, the place-order, start-payment and sandbox actions, the operator's issue-quote
// action), never written into the database behind the server's back.
import { randomUUID } from "node:crypto";
import { agreementsFor } from "@/lib/agreements";
import { actionId, HttpClient } from "../lib/actions-over-http";
import { BASE, BENCH_OPERATOR } from "./server";

export interface BenchData {
  /** The signed-in buyer's cookie header (for /orders/<id> and /console/services). */
  buyerCookie: string;
  /** The buyer's paid order, e.g. /orders/abc. */
  orderPath: string;
  /** An issued quote's link, /q/<token>. */
  quotePath: string;
}

async function json(client: HttpClient, path: string, body: unknown): Promise<void> {
  const r = await client.fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`POST ${path} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
}

const fail = (what: string, r: { status: number; redirect?: string; text: string }) =>
  new Error(`${what}: HTTP ${r.status}${r.redirect ? ` → ${r.redirect}` : ""}: ${r.text.slice(0, 300)}`);

export async function makeBenchData(): Promise<BenchData> {
  const ids = {
    place: actionId("lib/actions/place-order.ts", "placeOrderAction"),
    startPayment: actionId("lib/actions/start-payment.ts", "startPayment"),
    decide: actionId("lib/actions/decide-sandbox-payment.ts", "decideSandboxPayment"),
    issueQuote: actionId("lib/actions/issue-quote.ts", "issueQuoteAction"),
  };

  const buyer = new HttpClient(BASE);
  await json(buyer, "/api/auth/sign-up/email", {
    name: "基准买家",
    email: `bench-${randomUUID()}@example.com`,
    password: "bench buyer password",
  });
  const seats = 30;
  const placed = await buyer.action<{ ok: boolean; orderUrl?: string }>("/buy", ids.place, {
    json: [
      {
        idempotencyKey: randomUUID(),
        cart: { edition: "business", seats, term: { unit: "year", count: 1 }, addons: [] },
        expectedTotal: `${seats * 1390}.00`,
        consents: agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version })),
        organisation: { organisationName: "基准测试有限公司", contactName: "基准买家", mobile: "13800138000", email: "bench@example.com" },
        invoice: { type: "none" },
        upgrade: { method: "new" },
      },
    ],
  });
  const orderPath = placed.result?.ok ? placed.result.orderUrl : undefined;
  if (!orderPath) throw fail("place order", placed);
  const started = await buyer.action(orderPath, ids.startPayment, { form: { orderId: orderPath.slice("/orders/".length) }, prev: true });
  const payPath = started.redirect?.match(/^\/pay\/sandbox\/sbp_[0-9a-f]{32}$/)?.[0];
  if (!payPath) throw fail("start payment", started);
  const paid = await buyer.action(payPath, ids.decide, { form: { paymentRef: payPath.split("/").pop()!, outcome: "pay" } });
  if (paid.redirect !== orderPath) throw fail("pay", paid);

  const operator = new HttpClient(BASE);
  await json(operator, "/api/auth/sign-in/email", BENCH_OPERATOR);
  const expires = new Date(Date.now() + 8 * 3600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
  const issued = await operator.action<{ ok: boolean; path?: string | null }>("/sales/quotes/new", ids.issueQuote, {
    json: [
      {
        customerName: "基准客户有限公司",
        customerEmail: "bench-customer@example.com",
        note: "",
        discountPercent: "0",
        negotiatedSeatPrice: "",
        expiresOn: expires,
        buyerMayEdit: false,
        cart: { edition: "business", seats: 40, term: { unit: "year", count: 1 }, addons: [{ sku: "large-meeting-500", quantity: 1 }] },
      },
    ],
  });
  const quotePath = issued.result?.ok ? issued.result.path : undefined;
  if (!quotePath) throw fail("issue quote", issued);
  return { buyerCookie: buyer.cookie, orderPath, quotePath };
}
