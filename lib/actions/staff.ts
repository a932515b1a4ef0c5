"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { createSalesAccount } from "@/lib/auth/staff";
import { getDb } from "@/lib/db/client";
import { setDiscountLimit } from "@/lib/db/queries/users";
import {
  createSalesAccountSchema,
  setDiscountLimitSchema,
  type CreateSalesAccountResult,
  type SetDiscountLimitResult,
} from "@/lib/validations/staff";

const PAGE = "/operator/staff";
const fieldsOf = (formData: FormData, names: readonly string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));

/**
 * An operator creates a sales account (never from an existing account). The operator stays
 * signed in as themselves: no session is made for the new account.
 */
export async function createSalesAccountAction(
  _previous: CreateSalesAccountResult | null,
  formData: FormData,
): Promise<CreateSalesAccountResult> {
  const parsed = createSalesAccountSchema.safeParse(fieldsOf(formData, ["name", "email", "password", "discountLimitPercent"]));
  if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const user = await getCurrentUser();
  if (user?.role !== "operator") return { ok: false, error: "FORBIDDEN" };

  const result = await createSalesAccount(await getAuth(), await getDb(), parsed.data);
  if (!result.ok)
    return {
      ok: false,
      error: result.error,
      fieldErrors: { email: [result.error === "ALREADY_STAFF" ? "Staff.errors.alreadyStaff" : "Staff.errors.emailRegistered"] },
    };
  revalidatePath(PAGE);
  return { ok: true, name: result.name, email: result.email };
}

/** An operator changes a sales account's discount limit. */
export async function setDiscountLimitAction(
  _previous: SetDiscountLimitResult | null,
  formData: FormData,
): Promise<SetDiscountLimitResult> {
  const parsed = setDiscountLimitSchema.safeParse(fieldsOf(formData, ["id", "discountLimitPercent"]));
  if (!parsed.success) return { ok: false, error: "INVALID", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const user = await getCurrentUser();
  if (user?.role !== "operator") return { ok: false, error: "FORBIDDEN" };

  const row = await setDiscountLimit(await getDb(), { id: parsed.data.id, percent: parsed.data.discountLimitPercent });
  if (!row) return { ok: false, error: "NOT_SALES" };
  revalidatePath(PAGE);
  return { ok: true, id: row.id, percent: row.discountLimitPercent };
}
