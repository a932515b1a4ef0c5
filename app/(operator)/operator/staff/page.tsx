import { ClientMessages } from "@/components/client-messages";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listStaff } from "@/lib/db/queries/users";
import { CreateSalesAccountForm } from "./_components/create-sales-account-form";
import { DiscountLimitForm } from "./_components/discount-limit-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff");
  return { title: t("metaTitle"), robots: { index: false } };
}

/** Operators create sales accounts and set how much discount each may grant. */
export default async function StaffPage() {
  await requireRole("operator", "/operator/staff");
  const rows = await listStaff(await getDb());
  const t = await getTranslations("Staff");
  return (
    <ClientMessages namespaces={["Staff"]}>
      <div className="space-y-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <CreateSalesAccountForm />
        <section aria-labelledby="staff-list" className="space-y-3">
          <h2 id="staff-list" className="text-xl font-semibold">
            {t("list.title")}
          </h2>
          <DataTable
            responsive="cards"
            caption={t("list.caption")}
            empty={t("list.empty")}
            isEmpty={rows.length === 0}
            minWidth="min-w-[44rem]"
            columns={(["name", "email", "role", "limit"] as const).map((c) => ({ key: c, label: t(`list.columns.${c}`) }))}
          >
            {rows.map((row) => (
              <tr key={row.id}>
                <RowHeader>{row.name}</RowHeader>
                <Td className="break-all">{row.email}</Td>
                <Td>
                  <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                    {t(`roles.${row.role === "sales" ? "sales" : "operator"}`)}
                  </span>
                </Td>
                <Td>
                  {row.role === "sales" ? (
                    <DiscountLimitForm id={row.id} name={row.name} percent={row.discountLimitPercent} />
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t("list.noLimit")}</span>
                    </>
                  )}
                </Td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </ClientMessages>
  );
}
