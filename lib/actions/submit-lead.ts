"use server";

import { redirect } from "next/navigation";
import { createLead } from "@/lib/db/queries/leads";
import { contactSalesSchema, type ContactSalesField } from "@/lib/validations/contact-sales";
import { publicAction, toFormAction, type FieldErrors, type FormAction } from "./client";

/**
 * An expected failure: message keys per field, and what was sent so a page rendered without
 * JavaScript can show it again. Only bugs (a database down) throw.
 */
export type SubmitLeadResult = {
  ok: false;
  error: "INVALID";
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
export const submitLead: FormAction<SubmitLeadResult> = toFormAction(
  "public",
  FIELDS,
  publicAction("submit-lead", contactSalesSchema).action(async ({ parsedInput, ctx }): Promise<never> => {
    const { seats, message, ...lead } = parsedInput;
    const { lead: stored } = await createLead(ctx.db, { ...lead, seats: seats ?? null, message: message ?? null, locale: ctx.locale });
    redirect(`/contact-sales/thanks?lead=${stored.id}`);
  }),
  (fieldErrors: FieldErrors, input): SubmitLeadResult => ({
    ok: false,
    error: "INVALID",
    fieldErrors,
    values: Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === "string")),
  }),
);
