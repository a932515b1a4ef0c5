"use server";

import { revalidatePath } from "next/cache";
import { ownedOrganisation, updatePhoneAccount } from "@/lib/db/queries/phone";
import { fenToAmount } from "@/lib/money";
import { getPaymentProvider } from "@/lib/payments/registry";
import { runAutoRecharge, usableAgreement } from "@/lib/phone/auto-recharge";
import { setAutoRechargeSchema, type SimpleResult } from "@/lib/validations/phone";
import { publicAction, signedIn, toFormAction, type FormAction } from "./client";

/**
 * Auto-recharge settings: threshold, a set amount or a target balance, the monthly cap and the
 * payment agreement to charge. Turning it on (or saving it on) resets the failure count and, when
 * the balance is already below the threshold, charges once at once.
 */
export const setAutoRechargeAction: FormAction<SimpleResult> = toFormAction(
  "user",
  ["organisationId", "enabled", "agreementId", "threshold", "mode", "amount", "target", "monthlyCap"],
  publicAction("set-auto-recharge", setAutoRechargeSchema)
    .useValidated(signedIn)
    .action(async ({ parsedInput: p, ctx }): Promise<SimpleResult> => {
      if (!(await ownedOrganisation(ctx.db, { userId: ctx.user.id, organisationId: p.organisationId })))
        return { ok: false, error: "NOT_FOUND" };
      const agreement = p.agreementId
        ? await usableAgreement(ctx.db, { organisationId: p.organisationId, agreementId: p.agreementId })
        : null;
      if (p.enabled && !agreement) return { ok: false, error: "INVALID", fieldErrors: { agreementId: ["Phone.errors.agreement"] } };
      await updatePhoneAccount(ctx.db, {
        organisationId: p.organisationId,
        now: ctx.now,
        set: {
          autoRechargeEnabled: !!p.enabled,
          agreementId: agreement?.id ?? null,
          autoRechargeThreshold: fenToAmount(p.threshold),
          autoRechargeMode: p.mode,
          autoRechargeAmount: p.amount === undefined ? null : fenToAmount(p.amount),
          autoRechargeTarget: p.target === undefined ? null : fenToAmount(p.target),
          autoRechargeMonthlyCap: fenToAmount(p.monthlyCap),
          autoRechargeFailures: 0,
        },
      });
      if (p.enabled) await runAutoRecharge(ctx.db, getPaymentProvider(), { organisationId: p.organisationId, now: ctx.now });
      revalidatePath("/console/phone");
      return { ok: true };
    }),
);
