import { cva, type VariantProps } from "class-variance-authority";

/** A column's header; `align: "right"` for amounts and counts (its cells use `<Td align="right">`). */
export interface Column {
  key: string;
  label: string;
  align?: "right";
}

const cell = cva("px-3 py-2 align-top", {
  variants: { align: { left: "text-left", right: "text-right tabular-nums" } },
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
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: string;
  /** `false` inside a card that already frames it (no border, no scroller). */
  framed?: boolean;
  /** Rows of a `<tfoot>`: subtotals and totals. */
  footer?: React.ReactNode;
  /** The rows (a tbody's content). */
  children: React.ReactNode;
}

/**
 * The app's one table: a screen-reader caption, one header row from the column definitions,
 * the rows as children, an optional footer; an empty message instead when there are no rows.
 */
export function DataTable({ caption, columns, empty, isEmpty = false, minWidth = "", framed = true, footer, children }: Props) {
  if (isEmpty) return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-600">{empty}</p>;
  const table = (
    <table className={`w-full ${minWidth} text-sm`}>
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
  return framed ? <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">{table}</div> : table;
}
