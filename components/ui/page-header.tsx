/** A page's title and the sentence that says what the page is for. */
export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {intro && <p className="mt-1 text-slate-600">{intro}</p>}
    </div>
  );
}
