import { safeNextPath } from "@/lib/auth/next-path";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The `?next=` destination of an auth page, or "/" when it is missing or points off-site. */
export async function nextParam(searchParams: SearchParams): Promise<string> {
  const { next } = await searchParams;
  return safeNextPath(Array.isArray(next) ? next[0] : next);
}
