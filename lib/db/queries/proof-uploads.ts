import { createHash } from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import type { ProofContentType } from "@/lib/uploads/proof";
import type { Db } from "../client";
import { proofUploads, type ProofUploadRow } from "../schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A proof upload without its bytes. */
export type ProofUploadMeta = Omit<ProofUploadRow, "bytes">;

const meta = {
  id: proofUploads.id,
  userId: proofUploads.userId,
  fileName: proofUploads.fileName,
  contentType: proofUploads.contentType,
  size: proofUploads.size,
  sha256: proofUploads.sha256,
  createdAt: proofUploads.createdAt,
};

/** Stores an already checked proof file (lib/uploads/proof.ts) with its size and SHA-256. */
export async function createProofUpload(
  db: Db,
  params: { userId: string; fileName: string; contentType: ProofContentType; bytes: Uint8Array; now?: Date },
): Promise<ProofUploadMeta> {
  const bytes = Buffer.from(params.bytes.buffer, params.bytes.byteOffset, params.bytes.byteLength);
  const [row] = await db
    .insert(proofUploads)
    .values({
      userId: params.userId,
      fileName: params.fileName,
      contentType: params.contentType,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes,
      ...(params.now ? { createdAt: params.now } : {}),
    })
    .returning(meta);
  if (!row) throw new Error("Inserting a proof upload returned no row");
  return row;
}

/** The upload with this id if `userId` uploaded it (ids come from browsers: anything else is undefined). */
export async function findOwnProofUpload(db: Db, params: { id: string; userId: string }): Promise<ProofUploadMeta | undefined> {
  if (!UUID.test(params.id)) return undefined;
  const [row] = await db
    .select(meta)
    .from(proofUploads)
    .where(and(eq(proofUploads.id, params.id), eq(proofUploads.userId, params.userId)));
  return row;
}

/** The upload with its bytes, or undefined; the caller decides who may read it. */
export async function getProofUpload(db: Db, params: { id: string }): Promise<ProofUploadRow | undefined> {
  if (!UUID.test(params.id)) return undefined;
  const [row] = await db.select().from(proofUploads).where(eq(proofUploads.id, params.id));
  return row;
}

/** How many proofs a user uploaded since `since` (to cap uploads per hour). */
export async function countProofUploadsSince(db: Db, params: { userId: string; since: Date }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(proofUploads)
    .where(and(eq(proofUploads.userId, params.userId), gte(proofUploads.createdAt, params.since)));
  return row?.n ?? 0;
}
