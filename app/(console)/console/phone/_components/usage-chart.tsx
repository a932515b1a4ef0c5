import { getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money";
import { CALL_KINDS, type CallKind } from "@/lib/phone/rating";

const COLOURS: Record<CallKind, string> = {
  dial_in_toll: "#1d4ed8",
  dial_in_toll_free: "#0f766e",
  call_me: "#b45309",
  dial_out: "#7e22ce",
};

/**
 * Spend by day and kind as stacked bars: a hand-rolled SVG (no chart library, no client
 * JavaScript: the page's JS budget stays as it was), named and described for screen readers, with
 * the same figures as a table beside it.
 */
export async function UsageChart({ days, usage }: { days: string[]; usage: { day: string; kind: string; fen: number }[] }) {
  const t = await getTranslations("Phone");
  const byDay = new Map(days.map((d) => [d, new Map<string, number>()]));
  for (const u of usage) byDay.get(u.day)?.set(u.kind, (byDay.get(u.day)?.get(u.kind) ?? 0) + u.fen);
  const totals = days.map((d) => [...(byDay.get(d)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const total = totals.reduce((a, b) => a + b, 0);
  const [W, H, pad] = [600, 160, 4];
  const bar = W / days.length;
  return (
    <figure className="mt-3">
      <svg
        viewBox={`0 0 ${W} ${H + 20}`}
        role="img"
        aria-labelledby="usage-chart-title usage-chart-desc"
        className="h-auto w-full"
        data-testid="usage-chart"
      >
        <title id="usage-chart-title">{t("chartTitle")}</title>
        <desc id="usage-chart-desc">{t("chartDesc", { total: formatFen(total) })}</desc>
        <line x1="0" y1={H} x2={W} y2={H} stroke="#94a3b8" />
        {days.map((d, i) => {
          let y = H;
          return (
            <g key={d}>
              {CALL_KINDS.map((k) => {
                const fen = byDay.get(d)?.get(k) ?? 0;
                if (!fen) return null;
                const h = (fen / max) * (H - pad);
                y -= h;
                return (
                  <rect key={k} x={i * bar + 1} y={y} width={Math.max(1, bar - 2)} height={h} fill={COLOURS[k]} data-kind={k} data-day={d}>
                    <title>{`${d} ${t(`kinds.${k}`)} ${formatFen(fen)}`}</title>
                  </rect>
                );
              })}
              {(i === 0 || i === days.length - 1) && (
                <text x={i === 0 ? 0 : W} y={H + 15} fontSize="11" textAnchor={i === 0 ? "start" : "end"} fill="#475569">
                  {d}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-4 text-sm">
          {CALL_KINDS.map((k) => (
            <li key={k} className="flex items-center gap-1">
              <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: COLOURS[k] }} />
              {t(`kinds.${k}`)}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">{t("asTable")}</summary>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("chartTitle")}>
          <table className="mt-2 text-sm">
            <thead>
              <tr>
                <th scope="col" className="px-2 text-left">
                  {t("colDay")}
                </th>
                {CALL_KINDS.map((k) => (
                  <th key={k} scope="col" className="px-2 text-right">
                    {t(`kinds.${k}`)}
                  </th>
                ))}
                <th scope="col" className="px-2 text-right">
                  {t("colTotal")}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) =>
                totals[i] ? (
                  <tr key={d}>
                    <th scope="row" className="px-2 text-left font-normal">
                      {d}
                    </th>
                    {CALL_KINDS.map((k) => (
                      <td key={k} className="px-2 text-right tabular-nums">
                        {formatFen(byDay.get(d)?.get(k) ?? 0)}
                      </td>
                    ))}
                    <td className="px-2 text-right tabular-nums">{formatFen(totals[i]!)}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
