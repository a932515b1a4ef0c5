/**
 * Text that is one token and must never break across lines: a date, an amount, an order number.
 * `data-token` lets the phone tests check that it really sits on one line.
 */
export function Nowrap({ className = "", ...props }: React.ComponentProps<"span">) {
  return <span data-token="" className={`whitespace-nowrap ${className}`} {...props} />;
}
