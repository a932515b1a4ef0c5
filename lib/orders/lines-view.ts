import type { Locale } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { getQuoteWithVersions } from "@/lib/db/queries/quotes";
import { findVoucherByCode } from "@/lib/db/queries/vouchers";
import { voucherCodeOf, voucherTerms } from "@/lib/vouchers";
import type { OrderLineRow, OrderRow } from "@/lib/db/schema";
import { messagesFor } from "@/lib/i18n/messages";
import { isStoredChange } from "@/lib/lifecycle/place";
import type { CartInput } from "@/lib/pricing/types";
import { catalogForVersion } from "@/lib/quotes/open";
import { renderOrderLines, type DisplayLine, type RenderInput } from "./render-lines";

/**
 * What re-pricing an order needs besides its row: the catalog version it was priced on, and the
 * quote terms or voucher that adjusted it. Undefined when that catalog version is unknown.
 */
export async function orderPricingInput(
  db: Db,
  order: Pick<OrderRow, "cart" | "catalogVersion" | "quoteId" | "quoteVersion" | "total">,
  stored: readonly DisplayLine[],
): Promise<Omit<RenderInput, "locale" | "messages"> | undefined> {
  const catalog = await catalogForVersion(db, order.catalogVersion);
  if (!catalog) return undefined;
  const input: Omit<RenderInput, "locale" | "messages"> = { cart: order.cart as CartInput, catalog, stored, total: order.total };
  if (order.quoteId && order.quoteVersion !== null) {
    const found = await getQuoteWithVersions(db, { quoteId: order.quoteId });
    const version = found?.versions.find((v) => v.version === order.quoteVersion);
    if (!found || !version) return undefined;
    input.quote = {
      discountPercent: version.discountPercent,
      negotiatedSeatPrice: version.negotiatedSeatPrice,
      negotiatedUnit: (version.cart as CartInput).term.unit === "month" ? "month" : "year",
      reference: found.quote.number,
    };
  }
  const voucherCode = voucherCodeOf(stored);
  if (voucherCode !== undefined) {
    const row = await findVoucherByCode(db, { code: voucherCode });
    if (!row) return undefined;
    input.voucher = voucherTerms(row);
  }
  return input;
}

/**
 * An order's lines in the reader's `locale`: as stored when it is the language the order was placed
 * in, else re-worded by re-pricing (renderOrderLines), the stored amounts staying authoritative.
 */
export async function orderLinesIn(
  db: Db,
  params: { order: OrderRow; lines: OrderLineRow[]; locale: Locale },
): Promise<{ lines: DisplayLine[]; rerendered: boolean }> {
  const { order, lines, locale } = params;
  if (order.locale === locale) return { lines, rerendered: false };
  // A change order (lib/lifecycle) stored its formulas in both languages with the quote it was charged by.
  if (isStoredChange(order.cart)) {
    const quoted = order.cart.quote.lines;
    return {
      lines: lines.map((l) => ({
        ...l,
        name: quoted[l.position]?.name[locale] ?? l.name,
        formula: quoted[l.position]?.formula[locale] ?? l.formula,
      })),
      rerendered: true,
    };
  }
  const input = await orderPricingInput(db, order, lines);
  if (!input) return { lines, rerendered: false };
  return renderOrderLines({ ...input, locale, messages: messagesFor(locale).Pricing });
}
