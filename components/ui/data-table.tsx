import { cva, type VariantProps } from "class-variance-authority";
import { useId } from "react";

/** A column's header; `align: "right"` for amounts and counts (its cells use `<Td align="right">`). */
export interface Column {
  key: string;
  label: string;
  align?: "right";
}

const cell = cva("px-3 py-2 align-top", {
  variants: { align: { left: "text-left", right: "text-right whitespace-nowrap tabular-nums" } },
  defaultVariants: { align: "left" },
});

type CellProps<T extends "td" | "th"> = React.ComponentProps<T> & VariantProps<typeof cell>;

/** A data cell; right-aligned cells are for numbers and line up their digits. */
export function Td({ align, className, ...props }: CellProps<"td">) {
  return <td className={cell({ align, className })} {...props} />;
}

/** The cell that names its row (a row header, so a row's accessible name is this cell's text). */
export function RowHeader({ align, className, ...props }: CellProps<"th">) {
  return <th scope="row" className={cell({ align, className: `font-medium ${className ?? ""}` })} {...props} />;
}

interface Props {
  columns: Column[];
  /** The table's accessible name, read by screen readers only. */
  caption?: string;
  /** With `isEmpty`, shown instead of the table. */
  empty?: string;
  isEmpty?: boolean;
  /** Below this width the table scrolls sideways instead of squeezing its columns (not with `responsive: "cards"`). */
  minWidth?: string;
  /** `false` inside a card that already frames it (no border, no scroller). */
  framed?: boolean;
  /**
   * How the table fits a phone: `"scroll"` (default) scrolls sideways inside its own box; `"cards"`
   * turns each row into a card below `sm`, its cells labelled by their column.
   */
  responsive?: "scroll" | "cards";
  /** Rows of a `<tfoot>`: subtotals and totals. */
  footer?: React.ReactNode;
  /** The rows (a tbody's content). */
  children: React.ReactNode;
}

/**
 * The app's one table: a screen-reader caption, one header row from the column definitions,
 * the rows as children, an optional footer; an empty message instead when there are no rows.
 */
export function DataTable({
  caption,
  columns,
  empty,
  isEmpty = false,
  minWidth = "",
  framed = true,
  responsive = "scroll",
  footer,
  children,
}: Props) {
  const id = useId();
  if (isEmpty) return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-600">{empty}</p>;
  const cards = responsive === "cards";
  const table = (
    <table data-cards={cards ? id : undefined} className={`w-full text-sm ${cards ? cardLayout : minWidth}`}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead className={framed ? "border-b border-slate-200 bg-slate-50" : "border-b border-slate-200 text-slate-600"}>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={cell({ align: c.align ?? "left", className: "font-semibold" })}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
      {footer && <tfoot className="border-t border-slate-200">{footer}</tfoot>}
    </table>
  );
  const labels = cards && <style>{cardLabels(id, columns)}</style>;
  if (!framed)
    return (
      <>
        {labels}
        {table}
      </>
    );
  // A box that scrolls must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable).
  return (
    <div
      className={
        cards
          ? "max-sm:contents sm:overflow-x-auto sm:rounded-xl sm:border sm:border-slate-200 sm:bg-white"
          : "overflow-x-auto rounded-xl border border-slate-200 bg-white"
      }
      tabIndex={cards ? undefined : 0}
      role={cards ? undefined : "region"}
      aria-label={cards ? undefined : caption}
    >
      {labels}
      {table}
    </div>
  );
}

// Below `sm`: the header row is read by screen readers only, each row is a card, each cell a label–value line.
const cardLayout = [
  "max-sm:block max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tbody]:space-y-3 max-sm:[&_tbody]:divide-y-0",
  "max-sm:[&_tbody_tr]:block max-sm:[&_tbody_tr]:rounded-xl max-sm:[&_tbody_tr]:border max-sm:[&_tbody_tr]:border-slate-200",
  "max-sm:[&_tbody_tr]:bg-white max-sm:[&_tbody_tr]:p-3 max-sm:[&_tfoot]:block max-sm:[&_tfoot_tr]:flex max-sm:[&_tfoot_tr]:justify-between",
  "max-sm:[&_tbody_th]:block max-sm:[&_tbody_th]:px-0 max-sm:[&_tbody_th]:pt-0 max-sm:[&_tbody_th]:text-base",
  "max-sm:[&_tbody_td]:flex max-sm:[&_tbody_td]:flex-wrap max-sm:[&_tbody_td]:justify-end max-sm:[&_tbody_td]:gap-x-2 max-sm:[&_tbody_td]:px-0 max-sm:[&_tbody_td]:py-1 max-sm:[&_tbody_td]:text-right",
].join(" ");

// Each card cell names its column; the label is decoration (the header cells already name it to screen readers).
function cardLabels(id: string, columns: Column[]): string {
  const selector = `table[data-cards="${CSS_ESCAPE(id)}"]`;
  return columns
    .map(
      (c, i) =>
        `@media (width < 40rem) { ${selector} tbody tr > :nth-child(${i + 1}):is(td)::before { content: ${JSON.stringify(c.label)} / ""; margin-right: auto; padding-right: 1rem; color: #475569; text-align: left; } }`,
    )
    .join("\n");
}

const CSS_ESCAPE = (s: string) => s.replace(/["\\]/g, "\\$&");
