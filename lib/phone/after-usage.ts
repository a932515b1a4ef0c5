import type { Db } from "@/lib/db/client";

/**
 * What follows a change of balance: the low-balance alert and auto-recharge. Both need the
 * platform's inbox and payment agreements (ip-platform); until they land this does nothing.
 */
export async function afterUsage(_db: Db, _params: { organisationId: string; before: number; after: number; now: Date }): Promise<void> {}
