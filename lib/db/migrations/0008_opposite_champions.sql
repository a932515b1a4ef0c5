CREATE TABLE "vouchers" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(14, 2),
	"percent" integer,
	"minimum_spend" numeric(14, 2),
	"single_use" boolean DEFAULT true NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_order_id" text,
	"redeemed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_redeemed_order" ON "vouchers" USING btree ("redeemed_order_id");--> statement-breakpoint
CREATE INDEX "vouchers_created" ON "vouchers" USING btree ("created_at");