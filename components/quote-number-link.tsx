import Link from "next/link";

/** A quote's number, linking to its staff page. */
export function QuoteNumberLink({ id, number }: { id: string; number: string }) {
  return (
    <Link
      href={`/sales/quotes/${id}`}
      data-token=""
      className="font-mono whitespace-nowrap text-brand-700 underline-offset-4 hover:underline"
    >
      {number}
    </Link>
  );
}
