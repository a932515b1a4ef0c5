import { createHash } from "node:crypto";
import path from "node:path";
import type { Env } from "@/lib/env";

/** The sandbox gateway's signing secret: SANDBOX_PAYMENT_SECRET, else a development default derived from DATA_DIR. */
export function sandboxSecret(e: Pick<Env, "SANDBOX_PAYMENT_SECRET" | "DATA_DIR">): string {
  if (e.SANDBOX_PAYMENT_SECRET) return e.SANDBOX_PAYMENT_SECRET;
  return createHash("sha256")
    .update(`quorum-store/dev-sandbox-payment-secret/${path.resolve(e.DATA_DIR)}`)
    .digest("hex");
}
