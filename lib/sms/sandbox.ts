import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { insertOutboxMessage } from "@/lib/db/queries/sms-outbox";
import type { SmsProvider } from "./types";

/** The built-in sandbox: a text is written to the developer outbox (/dev/sms-outbox) instead of a phone. */
export function sandboxSmsProvider(db: Db): SmsProvider {
  return {
    id: "sandbox",
    async send({ to, text, now }) {
      await insertOutboxMessage(db, { id: randomUUID(), to, text, createdAt: now });
    },
  };
}
