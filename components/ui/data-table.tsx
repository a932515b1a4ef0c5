export interface Column {
  key: string;
  label: string;
  align?: "right";
}

/**
 * The operator lists' table: an empty message when there are no rows, else a scrollable table
 * with a screen-reader caption and one header row; the rows are the children (a tbody's content).
 */
export function DataTable({
  caption,
  columns,
  empty,
  isEmpty,
  minWidth = "min-w-[56rem]",
  children,
}: {
  caption: string;
  columns: Column[];
  empty: string;
  isEmpty: boolean;
  minWidth?: string;
  children: React.ReactNode;
}) {
  if (isEmpty) return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className={`w-full ${minWidth} text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-semibold ${c.align === "right" ? "text-right" : "text-left"}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
