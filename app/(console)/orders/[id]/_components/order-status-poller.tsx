"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const SETTLED = new Set(["paid", "fulfilled", "cancelled", "expired", "refunded", "partially_refunded"]);

/**
 * Follows an order whose payment is under way: polls its status (the server asks the provider
 * when no notification came) and re-renders the page once it settles.
 */
export function OrderStatusPoller(props: { orderId: string; status: string }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Poller {...props} />
    </QueryClientProvider>
  );
}

function Poller({ orderId, status }: { orderId: string; status: string }) {
  const t = useTranslations("Order");
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["order-status", orderId],
    queryFn: async () => {
      const res = await fetch(`/api/orders/${orderId}/status`, { cache: "no-store" });
      if (!res.ok) throw new Error(`status ${res.status}`);
      return (await res.json()) as { status: string };
    },
    initialData: { status },
    refetchInterval: (query) => (SETTLED.has(query.state.data?.status ?? "") ? false : 2000),
  });
  useEffect(() => {
    if (data.status !== status) router.refresh();
  }, [data.status, status, router]);
  if (SETTLED.has(data.status)) return null;
  return (
    <p role="status" className="rounded-md bg-slate-100 px-4 py-3 text-slate-700">
      {t("following")}
    </p>
  );
}
