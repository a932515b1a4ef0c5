CREATE TABLE "order_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"root_order_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"provider" text,
	"payment_ref" text,
	"amount" numeric(14, 2) NOT NULL,
	"paid" numeric(14, 2) NOT NULL,
	"voucher_kept" numeric(14, 2) DEFAULT '0' NOT NULL,
	"stop_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"requested_by" text NOT NULL,
	"breakdown" jsonb NOT NULL,
	"refund_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD COLUMN "refund_amount" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_root_order_id_orders_id_fk" FOREIGN KEY ("root_order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_refunds_order" ON "order_refunds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_refunds_root" ON "order_refunds" USING btree ("root_order_id");--> statement-breakpoint
CREATE INDEX "order_refunds_status" ON "order_refunds" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "order_refunds_payment" ON "order_refunds" USING btree ("provider","payment_ref");