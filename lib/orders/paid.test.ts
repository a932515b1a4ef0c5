import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToAmount, parseFen } from "@/lib/money";
import { allocatePaid } from "./paid";

describe("allocatePaid", () => {
  it("an order without adjustments: every line paid in full, discount 1", () => {
    expect(allocatePaid("52488.00", [{ amount: "41700.00" }, { amount: "10788.00" }])).toEqual([
      { paidAmount: "41700.00", discount: "1.0000000000" },
      { paidAmount: "10788.00", discount: "1.0000000000" },
    ]);
  });

  it("a 15% quote discount: each line at 0.85, the fen left over on the first line", () => {
    // 0.85 × 52,488.00 = 44,614.80; exact shares 35,445.00 and 9,169.80.
    expect(allocatePaid("44614.80", [{ amount: "41700.00" }, { amount: "10788.00" }])).toEqual([
      { paidAmount: "35445.00", discount: "0.8500000000" },
      { paidAmount: "9169.80", discount: "0.8500000000" },
    ]);
  });

  it("a ¥100 voucher: shared by amount, the lines add up to the total", () => {
    // 5,238,800 fen over 4,170,000 : 1,078,800 = 4,162,055.33 + 1,076,744.67; the spare fen goes first.
    const paid = allocatePaid("52388.00", [{ amount: "41700.00" }, { amount: "10788.00" }]);
    expect(paid).toEqual([
      { paidAmount: "41620.56", discount: "0.9980949640" },
      { paidAmount: "10767.44", discount: "0.9980941787" },
    ]);
  });

  it("a voucher covering everything: nothing paid, discount 0", () => {
    expect(allocatePaid("0.00", [{ amount: "139.00" }])).toEqual([{ paidAmount: "0.00", discount: "0.0000000000" }]);
  });

  it("shares always add up to the total to the fen", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (fens, fraction) => {
          const subtotal = fens.reduce((a, b) => a + b, 0);
          const total = Math.floor(subtotal * fraction);
          const paid = allocatePaid(
            fenToAmount(total),
            fens.map((f) => ({ amount: fenToAmount(f) })),
          );
          const sum = paid.reduce((a, p) => a + parseFen(p.paidAmount), 0);
          return sum === total && paid.every((p) => !p.paidAmount.startsWith("-"));
        },
      ),
    );
  });
});
