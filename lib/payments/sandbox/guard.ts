import { notFound } from "next/navigation";
import { env, sandboxPaymentsEnabled, type Env } from "@/lib/env";

/**
 * The sandbox gateway's entry points (its hosted page and the buyer's choice there) answer 404 when
 * it is not served (QUORUM_SANDBOX_PAYMENTS; off by default on a public deployment). Its notify
 * endpoint answers 404 through the registry, which then knows no sandbox provider.
 */
export function sandboxGatewayOr404(e: Pick<Env, "QUORUM_SANDBOX_PAYMENTS"> = env()): void {
  if (!sandboxPaymentsEnabled(e)) notFound();
}
