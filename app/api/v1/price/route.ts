import { catalog } from "@/lib/catalog";
import { negotiateLocale } from "@/lib/i18n/locale";
import { messagesFor } from "@/lib/i18n/messages";
import { priceCart } from "@/lib/pricing";
import { priceRequestSchema } from "@/lib/validations/price-request";

/** Public pricing API (PRODUCT.md §9): the same pricing module the pages run. */
export async function POST(request: Request): Promise<Response> {
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const messages = messagesFor(locale);
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
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
  const result = priceCart(parsed.data, catalog, { locale, messages: messages.Pricing });
  if (!result.ok) {
    return Response.json({ errors: result.errors.map(({ code, path, message }) => ({ code, path, message })) }, { status: 422 });
  }
  return Response.json({
    currency: result.currency,
    catalogVersion: result.catalogVersion,
    lines: result.lines.map(({ sku, quantity, term, unitPrice, amount, formula }) => ({ sku, quantity, term, unitPrice, amount, formula })),
    total: result.total,
    monthly: result.monthly,
  });
}
