import Link from "next/link";

/** The small nav above a group of pages (the console, the operator pages), and the pages below it. */
export function SectionNav({
  label,
  links,
  children,
}: {
  label: string;
  links: { href: string; text: string }[];
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-6">
      <nav aria-label={label} className="no-print flex flex-wrap gap-x-4 gap-y-2 border-b border-slate-200 pb-3 text-sm">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="whitespace-nowrap text-brand-700 underline-offset-4 hover:underline">
            {l.text}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
