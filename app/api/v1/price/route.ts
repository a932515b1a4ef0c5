import { catalog } from "@/lib/catalog";
import { negotiateLocale } from "@/lib/i18n/locale";
import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import { getDb } from "@/lib/db/client";
import { requestNow } from "@/lib/clock";
import { limitRequest } from "@/lib/limits/http";
import { lookupVoucher } from "@/lib/vouchers";
import { priceCart } from "@/lib/pricing";
import { applyVoucher } from "@/lib/pricing/voucher";
import { voucherCodeSchema } from "@/lib/validations/voucher";
import { priceRequestSchema } from "@/lib/validations/price-request";
import { BODY_LIMITS, readTextLimited } from "@/lib/http/read-body";

/** Public pricing API (PRODUCT.md §9): the same pricing module the pages run. */
export async function POST(request: Request): Promise<Response> {
  const limited = await limitRequest(request, "price");
  if (limited) return limited;
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const messages = messagesFor(locale);
  const read = await readTextLimited(request, BODY_LIMITS.priceApi);
  if (!read.ok) {
    const message = translatorFor(locale)("Inputs.bodyTooLarge", { max: "1 MB" });
    return Response.json({ errors: [{ code: "PAYLOAD_TOO_LARGE", path: "", message }] }, { status: 413 });
  }
  let body: unknown;
  try {
    if (read.text === undefined) throw new SyntaxError("not UTF-8");
    body = JSON.parse(read.text);
  } catch {
    return Response.json({ errors: [{ code: "INVALID_JSON", path: "", message: messages.Api.invalidJson }] }, { status: 400 });
  }
  const parsed = priceRequestSchema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      code: "INVALID_SHAPE",
      path: issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join(""),
      message: messages.Api.invalidShape,
    }));
    return Response.json({ errors }, { status: 400 });
  }
  let result = priceCart(parsed.data, catalog, { locale, messages: messages.Pricing });
  if (parsed.data.voucher !== undefined) {
    // A code is looked up only past the voucher limit too (guessing codes stops fast).
    const guessing = await limitRequest(request, "voucher");
    if (guessing) return guessing;
    // Read-only: the voucher is looked up and applied, never redeemed, by a price request.
    const code = voucherCodeSchema.safeParse(parsed.data.voucher);
    const found = code.success
      ? await lookupVoucher(await getDb(), { code: code.data, now: await requestNow() })
      : ({ ok: false, error: "VOUCHER_UNKNOWN" } as const);
    if (found.ok) result = applyVoucher(result, found.terms, { locale, messages: messages.Pricing });
    else {
      const error = { code: found.error, path: "voucher", message: messages.Api.voucher[found.error] };
      return Response.json(
        { errors: [...result.errors.map(({ code, path, message }) => ({ code, path, message })), error] },
        { status: 422 },
      );
    }
  }
  if (!result.ok) {
    return Response.json({ errors: result.errors.map(({ code, path, message }) => ({ code, path, message })) }, { status: 422 });
  }
  return Response.json({
    currency: result.currency,
    catalogVersion: result.catalogVersion,
    lines: result.lines.map(({ sku, quantity, term, unitPrice, amount, formula }) => ({ sku, quantity, term, unitPrice, amount, formula })),
    subtotal: result.subtotal,
    adjustments: result.adjustments.map(({ kind, code, label, amount, formula }) => ({ kind, code, label, amount, formula })),
    total: result.total,
    monthly: result.monthly,
  });
}
