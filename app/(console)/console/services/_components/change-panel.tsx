"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { placeChangeOrderAction } from "@/lib/actions/place-change-order";
import { catalog, findAddon, type Locale } from "@/lib/catalog";
import { chinaDay } from "@/lib/lifecycle/calendar";
import type { ChangeQuote, ChangeRequest, HeldState, QuoteMessages } from "@/lib/lifecycle/types";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { DataTable, RowHeader, Td } from "@/components/ui/data-table";
import { addableSkus, firstChange, requestKey } from "./change-request";

type Mode = "add" | "raise" | "align" | "term" | "scheduled";
const MODES: Mode[] = ["add", "raise", "align", "term", "scheduled"];
const TERMS: { unit: "month" | "year"; count: number }[] = [
  ...Array.from({ length: 11 }, (_, i) => ({ unit: "month" as const, count: i + 1 })),
  ...Array.from({ length: 5 }, (_, i) => ({ unit: "year" as const, count: i + 1 })),
];
const termValue = (t: { unit: string; count: number }) => `${t.count}${t.unit === "year" ? "y" : "m"}`;
const termOf = (v: string) => (v ? { unit: v.endsWith("y") ? "year" : "month", count: Number(v.slice(0, -1)) } : undefined);

const field = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

type QuoteChange = typeof import("@/lib/lifecycle/quote").quoteChange;
// The pricing code (lib/lifecycle/quote.ts with lib/pricing and decimal.js) is not part of the page's first
// load: the server prices the request the form shows first, and the code is fetched as soon as the buyer
// touches the form, before the first change needs it.
let loaded: QuoteChange | undefined;
let loading: Promise<QuoteChange> | undefined;
const load = () =>
  (loading ??= import("@/lib/lifecycle/quote").then(
    (m) => (loaded = m.quoteChange),
    (error: unknown) => {
      loading = undefined; // a later touch tries again
      throw error;
    },
  ));
const prefetch = () => void load().catch(() => undefined);

/**
 * The services page's change form: the buyer picks a change, sees its price line by line — computed here by
 * the very function the server charges with (lib/lifecycle/quote.ts), at the server's clock of this page — and
 * orders it; the order page takes the payment. `first` is the server's quote of `firstChange(state)`.
 */
export function ChangePanel(props: {
  organisationId: string;
  state: HeldState;
  now: string;
  messages: QuoteMessages;
  locale: Locale;
  first: ChangeQuote;
}) {
  const { organisationId, state, locale } = props;
  const t = useTranslations("Services");
  const now = useMemo(() => new Date(props.now), [props.now]);
  const active = state.items.filter((i) => new Date(i.expiresAt) > now);
  const held = new Set(active.map((i) => i.sku));
  const name = (sku: string) => catalog.editions.find((e) => e.id === sku)?.name[locale] ?? findAddon(catalog, sku)?.name[locale] ?? sku;
  const addable = addableSkus(state);
  const raisable = active.filter(
    (i) => findAddon(catalog, i.sku)?.capacity !== undefined && findAddon(catalog, i.sku)?.family !== "phone-pack",
  );

  const [mode, setMode] = useState<Mode>("add");
  const [sku, setSku] = useState(() => firstChange(state).sku);
  const [quantity, setQuantity] = useState(1);
  const [term, setTerm] = useState("");
  const [raiseId, setRaiseId] = useState(raisable[0]?.id ?? "");
  const raiseFrom = findAddon(catalog, active.find((i) => i.id === raiseId)?.sku ?? "");
  const targets = catalog.addons.filter(
    (a) =>
      raiseFrom &&
      a.family === raiseFrom.family &&
      (a.capacity ?? 0) > (raiseFrom.capacity ?? 0) &&
      (a.editions as readonly string[]).includes(state.edition),
  );
  const [toSku, setToSku] = useState("");
  const firstTarget = targets[0]?.sku ?? "";
  const [renewId, setRenewId] = useState("");
  const seatsNow = active.filter((i) => i.kind === "seats").reduce((n, i) => n + i.quantity, 0);
  const recurring = [
    ...new Set(active.filter((i) => i.kind === "addon" && findAddon(catalog, i.sku)?.family !== "phone-pack").map((i) => i.sku)),
  ];
  const [nextSeats, setNextSeats] = useState(seatsNow);
  const [nextTerm, setNextTerm] = useState("1y");
  const [nextAddons, setNextAddons] = useState<Record<string, number>>(() =>
    Object.fromEntries(recurring.map((s) => [s, active.filter((i) => i.sku === s).reduce((n, i) => n + i.quantity, 0)])),
  );

  const request: ChangeRequest | undefined = (() => {
    switch (mode) {
      case "add":
        return { kind: "add", sku, quantity, term: termOf(term) };
      case "raise":
        return raiseId ? { kind: "raise", itemId: raiseId, toSku: toSku || firstTarget } : undefined;
      case "align":
        return { kind: "renew", mode: "align", itemIds: renewId ? [renewId] : [] };
      case "term":
        return { kind: "renew", mode: "term", term: termOf(term || "1y")!, itemIds: renewId ? [renewId] : [] };
      case "scheduled":
        return {
          kind: "scheduled_renewal",
          cart: {
            edition: state.edition,
            seats: nextSeats,
            term: termOf(nextTerm)!,
            addons: Object.entries(nextAddons)
              .filter(([, q]) => q > 0)
              .map(([s, q]) => ({ sku: s, quantity: q })),
          },
        };
    }
  })();

  // Until the pricing code is here, only the first request has a quote (the server's); another one waits for the code.
  const [engine, setEngine] = useState<QuoteChange | undefined>(() => loaded);
  const quoteNow = engine ?? loaded;
  const key = requestKey(request);
  const showsFirst = key === requestKey(firstChange(state));
  const waiting = !quoteNow && !showsFirst;
  useEffect(() => {
    if (waiting) void load().then((fn) => setEngine(() => fn));
  }, [waiting]);
  const quote = quoteNow
    ? request && quoteNow(state, request, { now, catalog, messages: props.messages })
    : showsFirst
      ? props.first
      : undefined;
  // One idempotency key per distinct change: a repeated click on the same one finds the same order.
  const keys = useRef(new Map<string, string>());
  const [problem, setProblem] = useState<string[] | null>(null);
  const [placing, startPlacing] = useTransition();

  const submit = () =>
    startPlacing(async () => {
      if (!request || !quote?.ok) return;
      setProblem(null);
      const asked = JSON.stringify(request);
      const key = keys.current.get(asked) ?? crypto.randomUUID();
      keys.current.set(asked, key);
      const result = await placeChangeOrderAction({ idempotencyKey: key, organisationId, change: request, expectedTotal: quote.total });
      if (result.ok) {
        window.location.assign(result.orderUrl);
        return;
      }
      if (result.error === "PRICE_CHANGED") setProblem([t("priceChanged", { total: formatMoney(result.total) })]);
      else if (result.error === "CHANGE_REFUSED") setProblem([t("refused"), ...result.messages]);
      else setProblem([t("failed", { error: result.error })]);
    });

  const termSelect = (id: string, value: string, set: (v: string) => void, allowEmpty: boolean) => (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t("term")}
      </label>
      <select id={id} className={field} value={value} onChange={(e) => set(e.target.value)}>
        {allowEmpty && <option value="">{t("chooseTerm")}</option>}
        {TERMS.map((x) => (
          <option key={termValue(x)} value={termValue(x)}>
            {t(`termOption.${x.unit}`, { count: x.count })}
          </option>
        ))}
      </select>
    </div>
  );
  const itemsSelect = (
    <div>
      <label htmlFor={`renew-${organisationId}`} className="block text-sm font-medium">
        {t("renewItems")}
      </label>
      <select id={`renew-${organisationId}`} className={field} value={renewId} onChange={(e) => setRenewId(e.target.value)}>
        <option value="">{t("allItems")}</option>
        {active.map((i) => (
          <option key={i.id} value={i.id}>
            {name(i.sku)} × {i.quantity} ({chinaDay(i.expiresAt)})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section
      aria-labelledby={`change-${organisationId}`}
      aria-busy={waiting || undefined}
      className="mt-6 rounded-md border border-slate-200 p-4"
      onFocus={prefetch}
      onPointerDown={prefetch}
    >
      <h3 id={`change-${organisationId}`} className="font-semibold">
        {t("changeTitle")}
      </h3>
      <fieldset className="mt-2">
        <legend className="text-sm font-medium">{t("changeKind")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {MODES.map((m) => (
            <label key={m} className="flex items-center gap-1 text-sm">
              <input type="radio" name={`mode-${organisationId}`} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`kind.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        {mode === "add" && (
          <>
            <div>
              <label htmlFor={`add-sku-${organisationId}`} className="block text-sm font-medium">
                {t("item")}
              </label>
              <select id={`add-sku-${organisationId}`} className={field} value={sku} onChange={(e) => setSku(e.target.value)}>
                {addable.map((s) => (
                  <option key={s} value={s}>
                    {name(s)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`add-qty-${organisationId}`} className="block text-sm font-medium">
                {t("quantity")}
              </label>
              <input
                id={`add-qty-${organisationId}`}
                type="number"
                inputMode="numeric"
                className={field}
                value={Number.isFinite(quantity) ? quantity : ""}
                onChange={(e) => setQuantity(e.target.value === "" ? NaN : Number(e.target.value))}
              />
            </div>
            {!held.has(sku) &&
              findAddon(catalog, sku)?.family !== "phone-pack" &&
              termSelect(`add-term-${organisationId}`, term, setTerm, true)}
          </>
        )}
        {mode === "raise" && (
          <>
            <div>
              <label htmlFor={`raise-item-${organisationId}`} className="block text-sm font-medium">
                {t("raiseItem")}
              </label>
              <select
                id={`raise-item-${organisationId}`}
                className={field}
                value={raiseId}
                onChange={(e) => (setRaiseId(e.target.value), setToSku(""))}
              >
                {raisable.map((i) => (
                  <option key={i.id} value={i.id}>
                    {name(i.sku)} × {i.quantity}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`raise-to-${organisationId}`} className="block text-sm font-medium">
                {t("raiseTo")}
              </label>
              <select
                id={`raise-to-${organisationId}`}
                className={field}
                value={toSku || firstTarget}
                onChange={(e) => setToSku(e.target.value)}
              >
                {targets.map((a) => (
                  <option key={a.sku} value={a.sku}>
                    {a.name[locale]}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {mode === "align" && itemsSelect}
        {mode === "term" && (
          <>
            {termSelect(`renew-term-${organisationId}`, term || "1y", setTerm, false)}
            {itemsSelect}
          </>
        )}
        {mode === "scheduled" && (
          <>
            <div>
              <label htmlFor={`next-seats-${organisationId}`} className="block text-sm font-medium">
                {t("nextSeats")}
              </label>
              <input
                id={`next-seats-${organisationId}`}
                type="number"
                inputMode="numeric"
                className={field}
                value={Number.isFinite(nextSeats) ? nextSeats : ""}
                onChange={(e) => setNextSeats(e.target.value === "" ? NaN : Number(e.target.value))}
              />
            </div>
            <div>
              <label htmlFor={`next-term-${organisationId}`} className="block text-sm font-medium">
                {t("nextTerm")}
              </label>
              <select id={`next-term-${organisationId}`} className={field} value={nextTerm} onChange={(e) => setNextTerm(e.target.value)}>
                {TERMS.map((x) => (
                  <option key={termValue(x)} value={termValue(x)}>
                    {t(`termOption.${x.unit}`, { count: x.count })}
                  </option>
                ))}
              </select>
            </div>
            {recurring.map((s) => (
              <div key={s}>
                <label htmlFor={`next-${s}-${organisationId}`} className="block text-sm font-medium">
                  {t("nextAddon", { item: name(s) })}
                </label>
                <input
                  id={`next-${s}-${organisationId}`}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  className={field}
                  value={nextAddons[s] ?? 0}
                  onChange={(e) => setNextAddons({ ...nextAddons, [s]: Number(e.target.value) || 0 })}
                />
              </div>
            ))}
          </>
        )}
      </div>

      {quote && !quote.ok && (
        <div role="alert" className="mt-3 text-sm text-red-700" data-testid="change-errors">
          <ul className="list-disc pl-5">
            {quote.errors.map((e) => (
              <li key={e.code}>{e.message[locale]}</li>
            ))}
          </ul>
        </div>
      )}
      {quote?.ok && (
        <div className="mt-3" data-testid="change-preview">
          <DataTable
            columns={[
              { key: "line", label: t("colLine") },
              { key: "period", label: t("colPeriod") },
              { key: "days", label: t("colDays"), align: "right" },
              { key: "formula", label: t("colFormula") },
              { key: "amount", label: t("colAmount"), align: "right" },
            ]}
            framed={false}
            responsive="cards"
            caption={t("previewCaption")}
          >
            {quote.lines.map((l, i) => (
              <tr key={i}>
                <RowHeader>
                  {l.name[locale]} × {l.quantity}
                </RowHeader>
                <Td>{l.from && l.to ? `${chinaDay(l.from)} → ${chinaDay(l.to)}` : t("none")}</Td>
                <Td align="right">{l.days ?? t("none")}</Td>
                <Td>
                  <span className="text-xs tabular-nums">{l.formula[locale]}</span>
                </Td>
                <Td align="right">
                  <span className="tabular-nums">{formatMoney(l.amount)}</span>
                </Td>
              </tr>
            ))}
          </DataTable>
          {quote.effectiveAt && <p className="mt-2 text-sm">{t("effective", { date: chinaDay(quote.effectiveAt) })}</p>}
          <p className="mt-2 flex justify-between border-t border-slate-200 pt-2 font-semibold">
            <span>{t("total")}</span>
            <span className="tabular-nums" data-testid="change-total">
              {formatMoney(quote.total)}
            </span>
          </p>
          <Button type="button" className="mt-2" onClick={submit} disabled={placing}>
            {placing ? t("ordering") : t("order")}
          </Button>
        </div>
      )}
      {problem && (
        <div role="alert" className="mt-2 text-sm text-red-700" data-testid="change-problem">
          {problem.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </section>
  );
}
