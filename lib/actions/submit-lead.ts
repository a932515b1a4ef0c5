"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { createLead } from "@/lib/db/queries/leads";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locale";
import { contactSalesSchema, type ContactSalesField } from "@/lib/validations/contact-sales";

/**
 * An expected failure: message keys per field, and what was sent so a page rendered without
 * JavaScript can show it again. Only bugs (a database down) throw.
 */
export type SubmitLeadResult = {
  ok: false;
  error: "invalid";
  fieldErrors: Partial<Record<ContactSalesField, string[]>>;
  values: Partial<Record<ContactSalesField, string>>;
};

const FIELDS = Object.keys(contactSalesSchema.shape) as ContactSalesField[];

/**
 * Stores a contact-sales request and sends the browser to its confirmation page. It is a public
 * endpoint, so the input is parsed here again whatever the form checked. Takes the form's own
 * FormData, so it also works as `<form action>` before the page has hydrated or without JavaScript.
 * The same idempotency key submitted twice stores one lead and lands on the same page.
 */
export async function submitLead(_previous: SubmitLeadResult | null, formData: FormData): Promise<SubmitLeadResult> {
  const values: SubmitLeadResult["values"] = {};
  for (const field of FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const parsed = contactSalesSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  const locale = await getLocale();
  const { seats, message, ...lead } = parsed.data;
  const { lead: stored } = await createLead(await getDb(), {
    ...lead,
    seats: seats ?? null,
    message: message ?? null,
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
  });

  redirect(`/contact-sales/thanks?lead=${stored.id}`);
}
