-- Organisations used to be created when an order was placed; now fulfilment creates them. Remove
-- the ones no order ever paid for (nothing provisioned, no paid order): they were never real.
-- An unpaid order that still points at one keeps its id; paying it later creates it again.
DELETE FROM "organisations" o
WHERE NOT EXISTS (SELECT 1 FROM "service_items" s WHERE s."organisation_id" = o."id")
  AND NOT EXISTS (SELECT 1 FROM "phone_credit_ledger" p WHERE p."organisation_id" = o."id")
  AND NOT EXISTS (
    SELECT 1 FROM "orders" r
    WHERE r."organisation_id" = o."id" AND r."status" IN ('paid', 'fulfilled', 'refunded', 'partially_refunded')
  );
