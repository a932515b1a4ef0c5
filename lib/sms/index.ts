import type { Db } from "@/lib/db/client";
import { env, sandboxPaymentsEnabled, type Env } from "@/lib/env";
import { sandboxSmsProvider } from "./sandbox";
import type { SmsProvider } from "./types";

export type { SmsProvider };

/**
 * Whether the sandbox SMS provider and its outbox page are served: exactly when the sandbox payment gateway
 * is (QUORUM_SANDBOX_PAYMENTS: on for a laptop and the e2e server, off by default on a public deployment).
 */
export function sandboxSmsEnabled(e: Pick<Env, "QUORUM_SANDBOX_PAYMENTS"> = env()): boolean {
  return sandboxPaymentsEnabled(e);
}

/** The SMS provider in force; a deployment without one cannot send codes (and says so). */
export function getSmsProvider(db: Db, e: Pick<Env, "QUORUM_SANDBOX_PAYMENTS"> = env()): SmsProvider {
  if (sandboxSmsEnabled(e)) return sandboxSmsProvider(db);
  return {
    id: "none",
    async send() {
      throw new Error("No SMS provider is configured: the sandbox outbox is off on a public deployment.");
    },
  };
}
