"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { setSandboxForcedFailures } from "@/lib/db/queries/sandbox-agreements";
import { sandboxGatewayOr404 } from "@/lib/payments/sandbox/guard";
import { publicAction, toFormAction } from "./client";

const schema = z.object({
  agreementRef: z.string().regex(/^sba_[0-9a-f]{32}$/),
  count: z.coerce.number().int().min(0).max(100),
});

const setFailures = toFormAction(
  "public",
  ["agreementRef", "count"],
  publicAction("set-sandbox-agreement-failures", schema).action(async ({ parsedInput, ctx }): Promise<never> => {
    sandboxGatewayOr404();
    if (!(await setSandboxForcedFailures(ctx.db, parsedInput))) notFound();
    redirect(`/pay/sandbox/agreements/${parsedInput.agreementRef}?saved=${parsedInput.count}`);
  }),
  () => notFound(),
);

/**
 * The sandbox gateway's developer control on an agreement's page (fields `agreementRef`, `count`): its
 * next `count` charges are declined (SANDBOX_DECLINED), to test failed renewals and recharges. Served only
 * with the sandbox gateway (QUORUM_SANDBOX_PAYMENTS), like its hosted payment page.
 */
export async function setSandboxAgreementFailures(formData: FormData): Promise<void> {
  await setFailures(null, formData);
}
