import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { auditPage, isAuditKind } from "@/lib/audit";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listAuditEntries, listAuditFacets } from "@/lib/db/queries/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("metaTitle"), robots: { index: false } };
}

const LIMIT = 50;
type Search = { actor?: string | string[]; kind?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">{label}</summary>
      <pre className="mt-1 max-h-64 max-w-[min(28rem,80vw)] overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

/** The append-only audit log for operators: newest first, filtered by actor and kind, paged. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRole("operator", "/operator/audit");
  const search = await searchParams;
  const actor = one(search.actor);
  const kind = one(search.kind);
  const page = auditPage(one(search.page));
  const db = await getDb();
  const [rows, facets] = [await listAuditEntries(db, { actor, kind, limit: LIMIT, offset: (page - 1) * LIMIT }), await listAuditFacets(db)];
  const entries = rows.slice(0, LIMIT);
  const hasNext = rows.length > LIMIT;
  const t = await getTranslations("Audit");
  const format = await getFormatter();
  const kindLabel = (k: string) => (isAuditKind(k) ? t(`kinds.${k}`) : k);
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (actor) q.set("actor", actor);
    if (kind) q.set("kind", kind);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/operator/audit?${s}` : "/operator/audit";
  };
  const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 sm:w-64";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro", { limit: LIMIT })} />
      <form method="get" action="/operator/audit" aria-label={t("filters")} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div>
          <label htmlFor="audit-actor" className="mb-1 block text-sm font-medium">
            {t("actor")}
          </label>
          <select id="audit-actor" name="actor" defaultValue={actor ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {facets.actors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-kind" className="mb-1 block text-sm font-medium">
            {t("kind")}
          </label>
          <select id="audit-kind" name="kind" defaultValue={kind ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {facets.kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t("apply")}</Button>
      </form>
      <DataTable
        responsive="cards"
        caption={t("caption")}
        empty={t("empty")}
        isEmpty={entries.length === 0}
        minWidth="min-w-[56rem]"
        columns={(["time", "kind", "actor", "subject", "change"] as const).map((c) => ({ key: c, label: t(`columns.${c}`) }))}
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap tabular-nums">
              <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
            </Td>
            <RowHeader>{kindLabel(e.kind)}</RowHeader>
            <Td className="break-all">
              {e.actorEmail ?? t("system")}
              {e.actorRole && <div className="text-xs text-slate-500">{e.actorRole}</div>}
            </Td>
            <Td className="break-all font-mono text-xs">{e.subject ?? t("nothing")}</Td>
            <Td className="space-y-1 text-sm">
              {e.before === null ? (
                <div className="text-slate-500">{`${t("before")}: ${t("nothing")}`}</div>
              ) : (
                <Json label={t("before")} value={e.before} />
              )}
              {e.after === null ? (
                <div className="text-slate-500">{`${t("after")}: ${t("nothing")}`}</div>
              ) : (
                <Json label={t("after")} value={e.after} />
              )}
            </Td>
          </tr>
        ))}
      </DataTable>
      {(page > 1 || hasNext) && (
        <nav aria-label={t("pages")} className="flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={href(page - 1)} className="text-brand-700 underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("page", { page })}</span>
          {hasNext && (
            <Link href={href(page + 1)} className="text-brand-700 underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
