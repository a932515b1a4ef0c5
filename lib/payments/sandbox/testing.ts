// Tests only: the set-up of a payment test that plays two servers against one database.
import type { DbHandle } from "@/lib/db/client";
import { migratedDb, secondServerDb } from "@/lib/db/testing";
import type { PaymentProvider } from "../types";
import { createSandboxProvider } from "./provider";

/** A migrated database and what a second server holds on it (`secondServerDb`), each with its sandbox provider. */
export interface SandboxServers {
  handle: DbHandle;
  second: DbHandle;
  provider: PaymentProvider;
  secondProvider: PaymentProvider;
  /** Closes both, the second first. */
  close(): Promise<void>;
}

export async function openSandboxServers({ secret, now }: { secret: string; now: () => Date }): Promise<SandboxServers> {
  const handle = await migratedDb();
  const second = secondServerDb(handle);
  return {
    handle,
    second,
    provider: createSandboxProvider({ db: async () => handle.db, secret, now }),
    secondProvider: createSandboxProvider({ db: async () => second.db, secret, now }),
    close: async () => {
      await second.close();
      await handle.close();
    },
  };
}
