ALTER TABLE "service_items" ALTER COLUMN "discount" SET DATA TYPE numeric(11, 10);--> statement-breakpoint
ALTER TABLE "service_items" ALTER COLUMN "discount" SET DEFAULT '1';--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "paid_amount" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "service_items" ADD COLUMN "paid_amount" numeric(14, 2);--> statement-breakpoint
-- Items fulfilled before paid amounts were recorded: the matching order line's amount scaled by
-- its order's total ÷ subtotal (rounded per item; fulfilments from now on allocate to the fen).
WITH "subtotals" AS (
  SELECT o.id AS order_id, o.total, sum(l.amount) AS subtotal
  FROM "orders" AS o JOIN "order_lines" AS l ON l.order_id = o.id AND l.kind <> 'adjustment'
  GROUP BY o.id, o.total
)
UPDATE "service_items" AS si
SET "paid_amount" = round(
      (SELECT l.amount FROM "order_lines" AS l
       WHERE l.order_id = si.source_order_id AND l.sku = si.sku AND l.kind = si.kind AND l.quantity = si.quantity
       ORDER BY l.position LIMIT 1) * t.total / t.subtotal, 2),
    "discount" = round(t.total / t.subtotal, 10)
FROM "subtotals" AS t
WHERE t.order_id = si.source_order_id AND t.subtotal > 0;--> statement-breakpoint
UPDATE "service_items" SET "paid_amount" = 0 WHERE "paid_amount" IS NULL;--> statement-breakpoint
ALTER TABLE "service_items" ALTER COLUMN "paid_amount" SET NOT NULL;
