import type { Db } from "@/lib/db/client";
import { findApiKey, insertApiKey } from "@/lib/db/queries/phone";
import { bearerToken, generateApiKey, parseApiKey, secretMatches, type ApiKeyScope } from "./api-keys";

/** Creates a key for the organisation; the token is returned once and never stored. */
export async function createApiKey(
  db: Db,
  params: { organisationId: string; name: string; scopes: readonly ApiKeyScope[]; createdBy: string; now: Date },
): Promise<{ id: string; token: string }> {
  const key = generateApiKey();
  await insertApiKey(db, {
    id: key.id,
    organisationId: params.organisationId,
    name: params.name,
    secretHash: key.secretHash,
    scopes: [...params.scopes],
    createdBy: params.createdBy,
    createdAt: params.now,
  });
  return { id: key.id, token: key.token };
}

export type KeyRefusal = "UNAUTHENTICATED" | "FORBIDDEN";

/** The organisation an `Authorization` header's live key with `scope` acts for, or why not. */
export async function authenticateApiKey(
  db: Db,
  header: string | null,
  scope: ApiKeyScope,
): Promise<{ ok: true; organisationId: string; keyId: string } | { ok: false; error: KeyRefusal }> {
  const token = bearerToken(header);
  const parsed = token ? parseApiKey(token) : null;
  if (!parsed) return { ok: false, error: "UNAUTHENTICATED" };
  const key = await findApiKey(db, { id: parsed.id });
  if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash)) return { ok: false, error: "UNAUTHENTICATED" };
  if (!key.scopes.includes(scope)) return { ok: false, error: "FORBIDDEN" };
  return { ok: true, organisationId: key.organisationId, keyId: key.id };
}
