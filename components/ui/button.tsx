import { cva, type VariantProps } from "class-variance-authority";

/**
 * The button look, also for a Next `<Link>` that acts as a button:
 * `<Link className={buttonVariants({ variant: "secondary" })}>`.
 * Rounding lives in the sizes (not the base) so a size never fights a variant over it.
 */
export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-brand-700 text-white hover:bg-brand-800",
        secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
        outline: "border border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
        danger: "bg-red-700 text-white hover:bg-red-800",
        "danger-outline": "border border-red-300 bg-white text-red-800 hover:bg-red-50",
        ghost: "text-slate-800 hover:bg-slate-100",
        link: "text-brand-700 underline hover:text-brand-800",
      },
      size: {
        sm: "rounded-md px-2.5 py-1 text-xs",
        md: "rounded-lg px-4 py-2",
        lg: "rounded-lg px-6 py-2.5",
        pill: "rounded-full px-3 py-1 text-sm",
        /** Square-cornered, for a segmented group whose frame does the rounding. */
        segment: "px-2.5 py-1 text-xs",
        icon: "h-9 w-9 rounded-md text-lg leading-none",
        inline: "text-sm",
      },
      block: { true: "w-full" },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonProps = React.ComponentProps<"button"> & VariantProps<typeof buttonVariants>;

/** The one button of the app (shadcn/ui's shape): cva variants and sizes; every other prop, the ref included, goes to the `<button>`. */
export function Button({ className, variant, size, block, ...props }: ButtonProps) {
  return <button className={buttonVariants({ variant, size, block, className })} {...props} />;
}
