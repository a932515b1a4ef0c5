import { cva } from "class-variance-authority";
import { describe, expect, it } from "vitest";
import { buttonVariants, type ButtonVariants } from "./button";

// The cva definition buttonVariants replaced: every combination must give the same class string.
const before = cva(
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
        segment: "px-2.5 py-1 text-xs",
        icon: "h-9 w-9 rounded-md text-lg leading-none",
        inline: "text-sm",
      },
      block: { true: "w-full" },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

const variants = [undefined, null, "primary", "secondary", "outline", "danger", "danger-outline", "ghost", "link"] as const;
const sizes = [undefined, null, "sm", "md", "lg", "pill", "segment", "icon", "inline"] as const;
const blocks = [undefined, null, false, true] as const;
const classNames = [undefined, "", "mt-6 text-sm"] as const;

describe("buttonVariants", () => {
  const rows: ButtonVariants[] = variants.flatMap((variant) =>
    sizes.flatMap((size) => blocks.flatMap((block) => classNames.map((className) => ({ variant, size, block, className })))),
  );
  it("gives what cva gave for every variant, size, block and className", () => {
    for (const { className, ...variant } of rows) {
      const expected = className === undefined ? before(variant) : before({ ...variant, className });
      expect(buttonVariants({ ...variant, className }), JSON.stringify({ ...variant, className })).toBe(expected);
    }
  });
  it("with no argument gives the primary, medium button", () => {
    expect(buttonVariants()).toBe(before());
  });
});
