import "server-only";
import { revalidatePath } from "next/cache";

/** The pages that show a quote's status, refreshed after a staff decision on it. */
export function revalidateQuote(quoteId: string): void {
  revalidatePath("/sales/quotes");
  revalidatePath(`/sales/quotes/${quoteId}`);
  revalidatePath("/operator/quotes");
}
