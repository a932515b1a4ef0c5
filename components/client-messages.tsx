import { getMessages } from "next-intl/server";
import { pick, type MessagePath } from "@/lib/i18n/scopes";
import { ScopedMessages } from "./scoped-messages";

/**
 * The messages the client components inside it read, and no others (see lib/i18n/scopes.ts): the
 * listed namespaces or paths are added to what the providers above already send.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePath[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <ScopedMessages messages={pick(messages, namespaces)}>{children}</ScopedMessages>;
}
