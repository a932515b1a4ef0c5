import { z } from "zod";
import { amountPattern, type AmountFormat } from "@/lib/money";

/** An amount format and the error message (or message key) a breach of it reports. */
export type AmountSchemaOptions = AmountFormat & { message?: string };

/**
 * The one schema of a money amount written as text (catalog prices, form fields, API bodies,
 * payment notifications): non-negative, at most `digits` whole digits, one or two places (or
 * exactly two). Kept a string so no float ever touches it.
 */
export function amountSchema({ message, ...format }: AmountSchemaOptions = {}) {
  return z.string().regex(amountPattern(format), message === undefined ? undefined : { error: message });
}

/** `amountSchema` for a form field: surrounding spaces do not matter. */
export function amountFieldSchema({ message, ...format }: AmountSchemaOptions = {}) {
  return z
    .string()
    .trim()
    .regex(amountPattern(format), message === undefined ? undefined : { error: message });
}
