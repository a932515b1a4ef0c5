import { getDb } from "@/lib/db/client";
import { env, sandboxPaymentsEnabled } from "@/lib/env";
import { handlePaymentNotification } from "./notify";
import { createSandboxProvider, SANDBOX_PROVIDER_ID } from "./sandbox/provider";
import { sandboxSecret } from "./sandbox/secret";
import type { PaymentProvider } from "./types";

const providers = new Map<string, PaymentProvider>();

/**
 * The provider with this id, built once over the process database; undefined for an unknown id (a notify URL),
 * and for the sandbox when it is not served (QUORUM_SANDBOX_PAYMENTS), so its notify endpoint answers 404.
 */
export function findPaymentProvider(id: string): PaymentProvider | undefined {
  if (id === SANDBOX_PROVIDER_ID && !sandboxPaymentsEnabled(env())) return undefined;
  let provider = providers.get(id);
  if (!provider && id === SANDBOX_PROVIDER_ID) {
    // The sandbox notifies its refunds in-process, verified exactly as the notify route verifies a notification.
    const sandbox: PaymentProvider = createSandboxProvider({
      db: getDb,
      secret: sandboxSecret(env()),
      notify: async (n) => handlePaymentNotification(await getDb(), sandbox, { ...n, now: new Date() }),
    });
    provider = sandbox;
    providers.set(id, provider);
  }
  return provider;
}

/** The payment provider with this id, the configured one (PAYMENT_PROVIDER) by default. */
export function getPaymentProvider(id: string = env().PAYMENT_PROVIDER): PaymentProvider {
  const provider = findPaymentProvider(id);
  if (!provider) throw new Error(`unknown payment provider: ${id}`);
  return provider;
}
